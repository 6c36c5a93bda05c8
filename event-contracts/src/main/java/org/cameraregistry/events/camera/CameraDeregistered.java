package org.cameraregistry.events.camera;

import java.time.Instant;
import java.util.UUID;
import org.cameraregistry.events.EventType;
import org.cameraregistry.events.Topics;

/**
 * An owner deleted a camera. Every consumer deletes what it holds of it. Keyed by {@code cameraId}.
 *
 * @param cameraId       the camera
 * @param version        the camera's version at deletion (see {@link CameraRegistered#version()})
 * @param deregisteredAt when it was deleted
 * @param ownerId        the account that owned it, if any (see {@link CameraRegistered#ownerId()})
 */
public record CameraDeregistered(UUID cameraId, long version, Instant deregisteredAt, UUID ownerId) {

    public static final EventType<CameraDeregistered> TYPE =
            new EventType<>(Topics.CAMERA_DEREGISTERED, 1, CameraDeregistered.class);
}
