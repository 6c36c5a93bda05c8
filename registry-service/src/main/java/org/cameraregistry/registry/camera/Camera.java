package org.cameraregistry.registry.camera;

import java.time.Instant;
import java.util.UUID;
import org.cameraregistry.events.camera.CameraDetails;

/**
 * A registered camera.
 *
 * @param id           assigned at registration
 * @param ownerId      the account that registered it, the only one that sees, changes or deletes it
 * @param version      1 at registration, one more with every change
 * @param details      what the owner says of it
 * @param registeredAt when it was registered
 * @param updatedAt    when it last changed
 * @param paused       whether its owner paused it: it stays out of every search until resumed
 */
public record Camera(UUID id, UUID ownerId, long version, CameraDetails details, Instant registeredAt,
        Instant updatedAt, boolean paused) {

    /** A camera that is not paused. */
    public Camera(UUID id, UUID ownerId, long version, CameraDetails details, Instant registeredAt, Instant updatedAt) {
        this(id, ownerId, version, details, registeredAt, updatedAt, false);
    }

    static Camera register(UUID ownerId, CameraDetails details, Instant now) {
        return new Camera(UUID.randomUUID(), ownerId, 1, details, now, now);
    }

    /** The next version with these details; paused or not as before. */
    Camera changeTo(CameraDetails newDetails, Instant now) {
        return new Camera(id, ownerId, version + 1, newDetails, registeredAt, now, paused);
    }

    /** The next version, paused or resumed. */
    Camera pausedAs(boolean pause, Instant now) {
        return new Camera(id, ownerId, version + 1, details, registeredAt, now, pause);
    }
}
