package org.cameraregistry.events.camera;

import java.time.Instant;
import java.util.UUID;
import org.cameraregistry.events.EventType;
import org.cameraregistry.events.Topics;

/**
 * An owner resumed a paused camera: searches find it again. Carries its whole state, as
 * {@link CameraUpdated} does, since a consumer forgot it while it was paused. Keyed by {@code cameraId}.
 *
 * @param cameraId  the camera
 * @param version   the camera's version once resumed (see {@link CameraRegistered#version()})
 * @param camera    its state
 * @param resumedAt when it was resumed
 * @param ownerId   the account that owns it
 */
public record CameraResumed(UUID cameraId, long version, CameraDetails camera, Instant resumedAt, UUID ownerId) {

    public static final EventType<CameraResumed> TYPE = new EventType<>(Topics.CAMERA_RESUMED, 1, CameraResumed.class);
}
