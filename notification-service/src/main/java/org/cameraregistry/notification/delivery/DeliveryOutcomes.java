package org.cameraregistry.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.cameraregistry.events.EventCodec;
import org.cameraregistry.events.EventEnvelope;
import org.cameraregistry.events.EventType;
import org.cameraregistry.events.notification.NotificationDelivered;
import org.cameraregistry.events.notification.NotificationFailed;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes {@code notification-delivered} and {@code notification-failed} for a finished delivery,
 * then marks it published. The event id is derived from the delivery, so publishing again after a
 * crash between the two steps is a duplicate its consumers recognise.
 */
@Component
public class DeliveryOutcomes {

    private static final String SOURCE = "/notification-service";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);

    private final KafkaTemplate<String, byte[]> kafka;
    private final EventCodec codec;
    private final DeliveryRecords records;

    DeliveryOutcomes(KafkaTemplate<String, byte[]> kafka, EventCodec codec, DeliveryRecords records) {
        this.kafka = kafka;
        this.codec = codec;
        this.records = records;
    }

    public void publish(DeliveryRecords.Record delivery) {
        if (delivery.outcomePublished()) {
            return;
        }
        if (delivery.sent()) {
            send(NotificationDelivered.TYPE, delivery, new NotificationDelivered(delivery.id(), delivery.accountId(),
                    delivery.kind(), delivery.causeEventIds(), delivery.finishedAt()));
        } else {
            DeliveryFailure failure = DeliveryFailure.valueOf(delivery.reason().toUpperCase().replace('-', '_'));
            send(NotificationFailed.TYPE, delivery, new NotificationFailed(delivery.id(), delivery.accountId(),
                    delivery.kind(), delivery.causeEventIds(), failure.code(), failure.permanent(),
                    delivery.finishedAt()));
        }
        records.outcomePublished(delivery.id());
    }

    /** {@code notification-failed} for a delivery whose attempts were spent: it keeps no record to publish from. */
    public void publishRetriesSpent(Notification notification, Instant at) {
        send(NotificationFailed.TYPE, new DeliveryRecords.Record(notification.id(), notification.accountId(),
                        notification.kind().key(), notification.causeEventIds(), DeliveryRecords.FAILED,
                        DeliveryFailure.RETRIES_SPENT.code(), at, false),
                new NotificationFailed(notification.id(), notification.accountId(), notification.kind().key(),
                        notification.causeEventIds(), DeliveryFailure.RETRIES_SPENT.code(), false, at));
    }

    private <T> void send(EventType<T> type, DeliveryRecords.Record delivery, T data) {
        String eventId = UUID.nameUUIDFromBytes((type.topic() + "/" + delivery.id() + "/" + delivery.finishedAt())
                .getBytes(StandardCharsets.UTF_8)).toString();
        String key = delivery.accountId().toString();
        EventEnvelope<T> event = new EventEnvelope<>(EventEnvelope.SPEC_VERSION, eventId, SOURCE, type.type(),
                delivery.finishedAt(), key, EventEnvelope.DATA_CONTENT_TYPE, type.schemaId(), data);
        try {
            kafka.send(new ProducerRecord<>(type.topic(), key, codec.write(type, event)))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + type.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish " + type.topic() + " for " + delivery.id(), e);
        }
    }
}
