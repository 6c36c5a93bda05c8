package org.cameraregistry.events.camera;

import java.time.Instant;
import java.util.UUID;
import org.cameraregistry.events.EventType;
import org.cameraregistry.events.Topics;

/**
 * An owner changed a camera. Carries the whole new state, so a consumer needs no earlier event to
 * apply it. Keyed by {@code cameraId}.
 *
 * @param cameraId  the camera
 * @param version   the camera's version after this change (see {@link CameraRegistered#version()})
 * @param camera    its new state
 * @param updatedAt when it changed
 * @param ownerId   the account that owns it, if any (see {@link CameraRegistered#ownerId()})
 * @param paused    whether the camera is paused (see {@link CameraPaused}): a paused camera changed by
 *                  its owner stays out of every search; false in events written before pausing existed
 */
public record CameraUpdated(UUID cameraId, long version, CameraDetails camera, Instant updatedAt, UUID ownerId,
        boolean paused) {

    public static final EventType<CameraUpdated> TYPE =
            new EventType<>(Topics.CAMERA_UPDATED, 1, CameraUpdated.class);
}
