package org.cameraregistry.events.camera;

import java.time.Instant;
import java.util.UUID;
import org.cameraregistry.events.EventType;
import org.cameraregistry.events.Topics;

/**
 * An owner registered a camera. Keyed by {@code cameraId}.
 *
 * @param cameraId     the camera
 * @param version      the camera's version after this change, 1 for a new camera; consumers apply
 *                     an event only if it is newer than what they hold, which makes redeliveries
 *                     and reordering across the camera topics harmless
 * @param camera       its state
 * @param registeredAt when it was registered
 * @param ownerId      the account that owns it (the registry always names it; optional in version 1
 *                     because events from before owners signed in lack it). Never an address: only the identity and notification
 *                     services know how to reach an account (docs/adr/0009)
 * @param importId     the import that registered it, if it came from a file of many: its owner follows the
 *                     import's report, so consumers that tell the owner of each camera do not
 */
public record CameraRegistered(UUID cameraId, long version, CameraDetails camera, Instant registeredAt, UUID ownerId,
        UUID importId) {

    /** A camera registered on its own. */
    public CameraRegistered(UUID cameraId, long version, CameraDetails camera, Instant registeredAt, UUID ownerId) {
        this(cameraId, version, camera, registeredAt, ownerId, null);
    }

    public static final EventType<CameraRegistered> TYPE =
            new EventType<>(Topics.CAMERA_REGISTERED, 1, CameraRegistered.class);
}
