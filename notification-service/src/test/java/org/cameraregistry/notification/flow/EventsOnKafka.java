package org.cameraregistry.notification.flow;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cameraregistry.events.EventCodec;
import org.cameraregistry.events.EventEnvelope;
import org.cameraregistry.events.EventType;
import org.cameraregistry.events.access.LiveAccessOpened;
import org.cameraregistry.events.account.AccountEmailChanged;
import org.cameraregistry.events.account.AccountErased;
import org.cameraregistry.events.account.AccountRegistered;
import org.cameraregistry.events.account.AccountVerificationRequested;
import org.cameraregistry.events.camera.CameraDetails;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraRegistered;

/** Publishes the events notification-service consumes, as their producers do. */
final class EventsOnKafka implements AutoCloseable {

    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, byte[]> producer;

    EventsOnKafka(String brokers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new ByteArraySerializer());
    }

    EventEnvelope<AccountRegistered> accountRegistered(UUID account, String email, String name, String locale) {
        return publish(AccountRegistered.TYPE, "/identity-service", account.toString(),
                new AccountRegistered(account, 1, email, name, locale, now()));
    }

    EventEnvelope<AccountEmailChanged> emailChanged(UUID account, long version, String email) {
        return publish(AccountEmailChanged.TYPE, "/identity-service", account.toString(),
                new AccountEmailChanged(account, version, email, "Changed Name", "en", now()));
    }

    EventEnvelope<AccountVerificationRequested> verificationRequested(UUID account, String link) {
        return publish(AccountVerificationRequested.TYPE, "/identity-service", account.toString(),
                new AccountVerificationRequested(account, URI.create(link), now().plus(Duration.ofDays(1)), now()));
    }

    EventEnvelope<AccountErased> erased(UUID account) {
        return publish(AccountErased.TYPE, "/identity-service", account.toString(), new AccountErased(account, now()));
    }

    EventEnvelope<CameraRegistered> cameraRegistered(UUID camera, UUID owner, String label) {
        return publish(CameraRegistered.TYPE, "/registry-service", camera.toString(), new CameraRegistered(camera, 1,
                new CameraDetails(label, 32.78, -96.80, CameraLevel.LEVEL_2, null, null, Set.of(), false, null), now(),
                owner));
    }

    EventEnvelope<LiveAccessOpened> liveAccessOpened(UUID owner, UUID camera) {
        UUID grant = UUID.randomUUID();
        return publish(LiveAccessOpened.TYPE, "/access-control-service", grant.toString(), new LiveAccessOpened(grant,
                camera, owner, "dallas-pd", "DPD-2026-" + grant.toString().substring(0, 6), now(),
                now().plus(Duration.ofMinutes(30))));
    }

    /** Publishes records read from a topic again, unchanged: a replay. */
    void replay(List<ConsumerRecord<String, byte[]>> records) {
        records.forEach(record -> send(record.topic(), record.key(), record.value()));
    }

    void raw(String topic, String key, String payload) {
        send(topic, key, payload.getBytes(StandardCharsets.UTF_8));
    }

    private <T> EventEnvelope<T> publish(EventType<T> type, String source, String key, T data) {
        EventEnvelope<T> event = EventEnvelope.create(type, source, key, now(), data);
        send(type.topic(), key, codec.write(type, event));
        return event;
    }

    private void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public void close() {
        producer.close();
    }
}
