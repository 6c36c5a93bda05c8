package org.cameraregistry.geo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cameraregistry.events.EventCodec;
import org.cameraregistry.events.EventEnvelope;
import org.cameraregistry.events.EventType;
import org.cameraregistry.events.camera.CameraDeregistered;
import org.cameraregistry.events.camera.CameraDetails;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraRegistered;
import org.cameraregistry.events.camera.CameraUpdated;

/** Publishes camera events as the registry does, or raw bytes as a broken producer might. */
public final class CameraEventsOnKafka implements AutoCloseable {

    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, byte[]> producer;

    public CameraEventsOnKafka(String brokers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new ByteArraySerializer());
    }

    public static CameraDetails cameraAt(double latitude, double longitude, CameraLevel level) {
        return new CameraDetails("Test camera", latitude, longitude, level, null, null, Set.of(), false, null);
    }

    /** Publishes the event and returns it, so that a test can publish the very same event again. */
    public EventEnvelope<CameraRegistered> registered(UUID id, CameraDetails camera) {
        return publish(CameraRegistered.TYPE, id,
                new CameraRegistered(id, 1, camera, now(), null));
    }

    public EventEnvelope<CameraUpdated> updated(UUID id, long version, CameraDetails camera) {
        return publish(CameraUpdated.TYPE, id, new CameraUpdated(id, version, camera, now(), null));
    }

    public EventEnvelope<CameraDeregistered> deregistered(UUID id, long version) {
        return publish(CameraDeregistered.TYPE, id, new CameraDeregistered(id, version, now(), null));
    }

    /** Publishes a valid registration under a Kafka key of the caller's choice. */
    public EventEnvelope<CameraRegistered> registeredUnderKey(String key, UUID id, CameraDetails camera) {
        EventEnvelope<CameraRegistered> event = EventEnvelope.create(CameraRegistered.TYPE, "/registry-service",
                id.toString(), now(), new CameraRegistered(id, 1, camera, now(), null));
        send(CameraRegistered.TYPE.topic(), key, codec.write(CameraRegistered.TYPE, event));
        return event;
    }

    /** Publishes an event that was published before: a redelivery. */
    public <T> void again(EventType<T> type, EventEnvelope<T> event) {
        send(type.topic(), event.subject(), codec.write(type, event));
    }

    public void raw(String topic, String key, String payload) {
        send(topic, key, payload.getBytes(StandardCharsets.UTF_8));
    }

    private <T> EventEnvelope<T> publish(EventType<T> type, UUID id, T data) {
        EventEnvelope<T> event = EventEnvelope.create(type, "/registry-service", id.toString(), now(), data);
        send(type.topic(), id.toString(), codec.write(type, event));
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
