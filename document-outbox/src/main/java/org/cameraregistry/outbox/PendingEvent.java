package org.cameraregistry.outbox;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/**
 * An event written beside the state it describes, waiting for the relay to publish it.
 *
 * @param eventId   the CloudEvents id
 * @param topic     where it goes
 * @param key       the Kafka key: the id of the aggregate
 * @param payload   the event, serialized and checked against its schema when it was written
 * @param createdAt    when it was written
 * @param traceContext the trace it was written in, as W3C Trace Context headers; empty outside a trace
 */
public record PendingEvent(String eventId, String topic, String key, String payload, Instant createdAt,
        Map<String, String> traceContext) {

    public PendingEvent {
        traceContext = Map.copyOf(traceContext);
    }

    /** An event written now, in the current trace (the request's, the consumed event's). */
    public PendingEvent(String eventId, String topic, String key, String payload, Instant createdAt) {
        this(eventId, topic, key, payload, createdAt, TraceContext.current());
    }

    Document toDocument() {
        Document document = new Document("eventId", eventId)
                .append("topic", topic)
                .append("key", key)
                .append("payload", payload)
                .append("createdAt", Date.from(createdAt));
        if (!traceContext.isEmpty()) {
            document.append("traceContext", new Document(Map.copyOf(traceContext)));
        }
        return document;
    }

    /**
     * The event an outbox entry holds.
     *
     * @throws UnreadableEntryException naming what is missing or wrong, for an entry no code of
     *                                  ours would write (edited by hand, or by a bug)
     */
    static PendingEvent read(Object entry) {
        if (!(entry instanceof Document document)) {
            throw new UnreadableEntryException("the entry is not a document");
        }
        if (document.containsKey("unreadable")) {
            throw new UnreadableEntryException("the entry had no event id; it held " + document.get("unreadable"));
        }
        return new PendingEvent(
                text(document, "eventId"),
                text(document, "topic"),
                text(document, "key"),
                text(document, "payload"),
                date(document, "createdAt"),
                traceContext(document));
    }

    /** Written before events kept their trace, or outside one: none. */
    private static Map<String, String> traceContext(Document document) {
        if (!(document.get("traceContext") instanceof Document headers)) {
            return Map.of();
        }
        Map<String, String> context = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (value instanceof String text) {
                context.put(name, text);
            }
        });
        return context;
    }

    private static String text(Document document, String field) {
        if (!(document.get(field) instanceof String value) || value.isBlank()) {
            throw new UnreadableEntryException("the entry has no " + field);
        }
        return value;
    }

    private static Instant date(Document document, String field) {
        if (!(document.get(field) instanceof Date value)) {
            throw new UnreadableEntryException("the entry has no " + field);
        }
        return value.toInstant();
    }

    /** An outbox entry that cannot be read as an event; retrying cannot mend it. */
    static final class UnreadableEntryException extends RuntimeException {

        UnreadableEntryException(String message) {
            super(message);
        }
    }
}
