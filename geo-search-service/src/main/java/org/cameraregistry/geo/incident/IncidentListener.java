package org.cameraregistry.geo.incident;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cameraregistry.events.EventCodec;
import org.cameraregistry.events.EventEnvelope;
import org.cameraregistry.events.Topics;
import org.cameraregistry.events.incident.IncidentDeclared;
import org.cameraregistry.events.incident.IncidentUpdated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Dispatch systems' incidents, located once by whichever instance of geo-search gets them: one
 * consumer group, {@code geo-search.events.group}, shared by every instance (each holds every
 * camera). The listeners start once the index is loaded ({@link IncidentConfiguration}), so that
 * no incident is located against half an index. An event that cannot be read goes to
 * {@code <topic>.<group>.dlq} with the reason.
 */
@Component
class IncidentListener {

    static final String DECLARED = "locate-declared-incidents";
    static final String UPDATED = "locate-updated-incidents";

    private static final Logger log = LoggerFactory.getLogger(IncidentListener.class);

    private final EventCodec codec;
    private final IncidentLocator locator;

    IncidentListener(EventCodec codec, IncidentLocator locator) {
        this.codec = codec;
        this.locator = locator;
    }

    @KafkaListener(id = DECLARED, groupId = "${geo-search.events.group:geo-search}", topics = Topics.INCIDENT_DECLARED,
            autoStartup = "false")
    void locateDeclared(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<IncidentDeclared> event = codec.read(record.value(), IncidentDeclared.TYPE);
        event.requireAbout(record.key(), event.data().incidentId(), "incidentId");
        logLocated(event, locator.locate(IncidentState.of(event.data())));
    }

    @KafkaListener(id = UPDATED, groupId = "${geo-search.events.group:geo-search}", topics = Topics.INCIDENT_UPDATED,
            autoStartup = "false")
    void locateUpdated(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<IncidentUpdated> event = codec.read(record.value(), IncidentUpdated.TYPE);
        event.requireAbout(record.key(), event.data().incidentId(), "incidentId");
        logLocated(event, locator.locate(IncidentState.of(event.data())));
    }

    private static void logLocated(EventEnvelope<?> event, boolean located) {
        log.info("consumed event {} ({}) incident={}: {}", event.id(), event.type(), event.subject(),
                located ? "cameras located" : "ignored, this state or a later one was located already");
    }
}
