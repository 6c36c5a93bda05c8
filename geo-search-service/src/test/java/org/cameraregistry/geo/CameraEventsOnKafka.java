package org.cameraregistry.geo;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.cameraregistry.events.EventEnvelope;
import org.cameraregistry.events.EventType;
import org.cameraregistry.events.camera.CameraDeregistered;
import org.cameraregistry.events.camera.CameraDetails;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraRegistered;
import org.cameraregistry.events.camera.CameraPaused;
import org.cameraregistry.events.camera.CameraResumed;
import org.cameraregistry.events.camera.CameraUpdated;
import org.cameraregistry.testkit.EventPublisher;

/** Publishes camera events as the registry does, or raw bytes as a broken producer might. */
public final class CameraEventsOnKafka implements AutoCloseable {

    private static final String SOURCE = "/registry-service";

    private final EventPublisher publisher;

    public CameraEventsOnKafka(String brokers) {
        publisher = new EventPublisher(brokers);
    }

    public static CameraDetails cameraAt(double latitude, double longitude, CameraLevel level) {
        return new CameraDetails("Test camera", latitude, longitude, level, null, null, Set.of(), false, null, false);
    }

    /** Publishes the event and returns it, so that a test can publish the very same event again. */
    public EventEnvelope<CameraRegistered> registered(UUID id, CameraDetails camera) {
        return publish(CameraRegistered.TYPE, id,
                new CameraRegistered(id, 1, camera, now(), null));
    }

    public EventEnvelope<CameraUpdated> updated(UUID id, long version, CameraDetails camera) {
        return publish(CameraUpdated.TYPE, id, new CameraUpdated(id, version, camera, now(), null, false));
    }

    /** A change its owner made to a paused camera. */
    public EventEnvelope<CameraUpdated> updatedWhilePaused(UUID id, long version, CameraDetails camera) {
        return publish(CameraUpdated.TYPE, id, new CameraUpdated(id, version, camera, now(), null, true));
    }

    public EventEnvelope<CameraPaused> paused(UUID id, long version) {
        return publish(CameraPaused.TYPE, id, new CameraPaused(id, version, now(), null));
    }

    public EventEnvelope<CameraResumed> resumed(UUID id, long version, CameraDetails camera) {
        return publish(CameraResumed.TYPE, id, new CameraResumed(id, version, camera, now(), null));
    }

    public EventEnvelope<CameraDeregistered> deregistered(UUID id, long version) {
        return publish(CameraDeregistered.TYPE, id, new CameraDeregistered(id, version, now(), null));
    }

    /** Publishes a valid registration under a Kafka key of the caller's choice. */
    public EventEnvelope<CameraRegistered> registeredUnderKey(String key, UUID id, CameraDetails camera) {
        return publisher.publishUnderKey(CameraRegistered.TYPE, SOURCE, id.toString(), key,
                new CameraRegistered(id, 1, camera, now(), null));
    }

    /** Publishes an event that was published before: a redelivery. */
    public <T> void again(EventType<T> type, EventEnvelope<T> event) {
        publisher.again(type, event);
    }

    public void raw(String topic, String key, String payload) {
        publisher.raw(topic, key, payload);
    }

    private <T> EventEnvelope<T> publish(EventType<T> type, UUID id, T data) {
        return publisher.publish(type, SOURCE, id.toString(), data);
    }

    private static Instant now() {
        return EventPublisher.now();
    }

    @Override
    public void close() {
        publisher.close();
    }
}
