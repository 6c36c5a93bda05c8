package org.cameraregistry.registry.camera;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.cameraregistry.events.EventCodec;
import org.cameraregistry.events.EventEnvelope;
import org.cameraregistry.events.EventType;
import org.cameraregistry.events.camera.CameraDeregistered;
import org.cameraregistry.events.camera.CameraRegistered;
import org.cameraregistry.events.camera.CameraPaused;
import org.cameraregistry.events.camera.CameraResumed;
import org.cameraregistry.events.camera.CameraUpdated;
import org.cameraregistry.outbox.PendingEvent;
import org.springframework.stereotype.Component;

/** The events that a camera's changes publish, ready for the outbox. */
@Component
class CameraEvents {

    static final String SOURCE = "/registry-service";

    private final EventCodec codec;

    CameraEvents(EventCodec codec) {
        this.codec = codec;
    }

    PendingEvent registered(Camera camera) {
        return registered(camera, null);
    }

    /** @param importId the import that registered it, or null for a camera registered on its own */
    PendingEvent registered(Camera camera, UUID importId) {
        return pending(CameraRegistered.TYPE, camera, camera.registeredAt(),
                new CameraRegistered(camera.id(), camera.version(), camera.details(), camera.registeredAt(), camera.ownerId(),
                        importId));
    }

    PendingEvent updated(Camera camera) {
        return pending(CameraUpdated.TYPE, camera, camera.updatedAt(),
                new CameraUpdated(camera.id(), camera.version(), camera.details(), camera.updatedAt(), camera.ownerId(),
                        camera.paused()));
    }

    /** camera-paused, or camera-resumed with its whole state, as the camera now is. */
    PendingEvent pausedOrResumed(Camera camera) {
        if (camera.paused()) {
            return pending(CameraPaused.TYPE, camera, camera.updatedAt(),
                    new CameraPaused(camera.id(), camera.version(), camera.updatedAt(), camera.ownerId()));
        }
        return pending(CameraResumed.TYPE, camera, camera.updatedAt(),
                new CameraResumed(camera.id(), camera.version(), camera.details(), camera.updatedAt(), camera.ownerId()));
    }

    PendingEvent deregistered(Camera deleted, Instant at) {
        return pending(CameraDeregistered.TYPE, deleted, at,
                new CameraDeregistered(deleted.id(), deleted.version(), at, deleted.ownerId()));
    }

    private <T> PendingEvent pending(EventType<T> type, Camera camera, Instant time, T data) {
        EventEnvelope<T> event = EventEnvelope.create(type, SOURCE, camera.id().toString(), time, data);
        String payload = new String(codec.write(type, event), StandardCharsets.UTF_8);
        return new PendingEvent(event.id(), type.topic(), camera.id().toString(), payload, time);
    }
}
