package org.cameraregistry.geo.camera;

import java.util.UUID;
import java.util.function.Consumer;
import org.cameraregistry.events.EventCodec;
import org.cameraregistry.events.EventEnvelope;
import org.cameraregistry.events.camera.CameraDeregistered;
import org.cameraregistry.events.camera.CameraDetails;
import org.cameraregistry.events.camera.CameraRegistered;
import org.cameraregistry.events.camera.CameraUpdated;
import org.cameraregistry.geo.index.IndexedCamera;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The camera topics, consumed into the index. Each event is read against its schema first: one
 * that cannot be read fails at once, and the binder parks it on the dead-letter topic with the
 * reason, then goes on with the next.
 */
@Configuration(proxyBeanMethods = false)
class CameraEventListener {

    private static final Logger log = LoggerFactory.getLogger(CameraEventListener.class);

    private final EventCodec codec;
    private final CameraIndexer indexer;

    CameraEventListener(EventCodec codec, CameraIndexer indexer) {
        this.codec = codec;
        this.indexer = indexer;
    }

    @Bean
    Consumer<Message<byte[]>> indexRegisteredCamera() {
        return message -> {
            EventEnvelope<CameraRegistered> event = codec.read(message.getPayload(), CameraRegistered.TYPE);
            CameraRegistered registered = event.data();
            boolean applied = indexer.index(indexed(registered.cameraId(), registered.version(), registered.camera()));
            logConsumed(event, registered.cameraId(), registered.version(), applied);
        };
    }

    @Bean
    Consumer<Message<byte[]>> indexUpdatedCamera() {
        return message -> {
            EventEnvelope<CameraUpdated> event = codec.read(message.getPayload(), CameraUpdated.TYPE);
            CameraUpdated updated = event.data();
            boolean applied = indexer.index(indexed(updated.cameraId(), updated.version(), updated.camera()));
            logConsumed(event, updated.cameraId(), updated.version(), applied);
        };
    }

    @Bean
    Consumer<Message<byte[]>> forgetDeregisteredCamera() {
        return message -> {
            EventEnvelope<CameraDeregistered> event = codec.read(message.getPayload(), CameraDeregistered.TYPE);
            CameraDeregistered deregistered = event.data();
            boolean applied = indexer.forget(deregistered.cameraId(), deregistered.version());
            logConsumed(event, deregistered.cameraId(), deregistered.version(), applied);
        };
    }

    private static IndexedCamera indexed(UUID id, long version, CameraDetails camera) {
        return new IndexedCamera(id, version, camera.latitude(), camera.longitude(), camera.level());
    }

    private static void logConsumed(EventEnvelope<?> event, UUID cameraId, long version, boolean applied) {
        log.info("consumed event {} ({}) camera={} version={}: {}", event.id(), event.type(), cameraId, version,
                applied ? "applied" : "ignored, already at this version or newer");
    }
}
