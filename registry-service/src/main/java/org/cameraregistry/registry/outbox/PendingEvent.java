package org.cameraregistry.registry.outbox;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * An event written beside the state it describes, waiting for the relay to publish it.
 *
 * @param eventId   the CloudEvents id
 * @param topic     where it goes
 * @param key       the Kafka key: the id of the aggregate
 * @param payload   the event, serialized and checked against its schema when it was written
 * @param createdAt when it was written
 */
public record PendingEvent(String eventId, String topic, String key, String payload, Instant createdAt) {

    Document toDocument() {
        return new Document("eventId", eventId)
                .append("topic", topic)
                .append("key", key)
                .append("payload", payload)
                .append("createdAt", Date.from(createdAt));
    }

    static PendingEvent fromDocument(Document document) {
        return new PendingEvent(
                document.getString("eventId"),
                document.getString("topic"),
                document.getString("key"),
                document.getString("payload"),
                document.getDate("createdAt").toInstant());
    }
}
