package org.cameraregistry.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event in the CloudEvents 1.0 JSON format (structured mode): the context attributes beside the
 * payload in one JSON document, so that an event keeps its identity wherever it is copied (a
 * dead-letter topic, a replay, a log).
 *
 * @param specversion     always {@value #SPEC_VERSION}
 * @param id              unique per event; consumers use it to recognise a redelivery
 * @param source          the service that produced it, such as {@code /registry-service}
 * @param type            the {@link EventType#type()}
 * @param time            when the change happened
 * @param subject         the id of the aggregate the event is about, also the Kafka key
 * @param datacontenttype always {@value #DATA_CONTENT_TYPE}
 * @param dataschema      the {@link EventType#schemaId()}
 * @param data            the payload
 */
public record EventEnvelope<T>(
        String specversion,
        String id,
        String source,
        String type,
        Instant time,
        String subject,
        String datacontenttype,
        String dataschema,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";
    /** The Kafka {@code content-type} header value of a structured-mode CloudEvent. */
    public static final String MEDIA_TYPE = "application/cloudevents+json";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }

    /**
     * Fails unless the Kafka key, the subject and the id in the payload all name one aggregate: the
     * key decides the partition, and so the order of that aggregate's events, and an event that
     * disagrees with itself cannot be trusted about what it changes.
     *
     * @param kafkaKey    the key the event was read under
     * @param aggregateId the id the payload names, such as a camera's
     * @param aggregate   what the id names, for the message, such as {@code cameraId}
     * @throws InvalidEventException if they differ
     */
    public void requireAbout(String kafkaKey, UUID aggregateId, String aggregate) {
        requireAbout(kafkaKey, aggregateId.toString(), aggregate);
    }

    /** As {@link #requireAbout(String, UUID, String)}, for an aggregate named by text, such as an incident. */
    public void requireAbout(String kafkaKey, String id, String aggregate) {
        if (!id.equals(kafkaKey) || !id.equals(subject)) {
            throw new InvalidEventException("key '" + kafkaKey + "', subject '" + subject + "' and " + aggregate + " '"
                    + id + "' must name the same " + aggregate.replaceFirst("Id$", ""));
        }
    }

    /** A new event with a fresh id. */
    public static <T> EventEnvelope<T> create(
            EventType<T> eventType, String source, String subject, Instant time, T data) {
        return new EventEnvelope<>(SPEC_VERSION, UUID.randomUUID().toString(), source, eventType.type(), time,
                subject, DATA_CONTENT_TYPE, eventType.schemaId(), data);
    }
}
