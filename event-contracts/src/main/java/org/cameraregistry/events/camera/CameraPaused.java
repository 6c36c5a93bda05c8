package org.cameraregistry.events.camera;

import java.time.Instant;
import java.util.UUID;
import org.cameraregistry.events.EventType;
import org.cameraregistry.events.Topics;

/**
 * An owner paused a camera: it leaves every search until they resume it, and its details stay with
 * the registry. Keyed by {@code cameraId}.
 *
 * @param cameraId the camera
 * @param version  the camera's version once paused (see {@link CameraRegistered#version()})
 * @param pausedAt when it was paused
 * @param ownerId  the account that owns it
 */
public record CameraPaused(UUID cameraId, long version, Instant pausedAt, UUID ownerId) {

    public static final EventType<CameraPaused> TYPE = new EventType<>(Topics.CAMERA_PAUSED, 1, CameraPaused.class);
}
