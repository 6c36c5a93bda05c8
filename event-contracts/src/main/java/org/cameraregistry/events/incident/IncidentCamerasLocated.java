package org.cameraregistry.events.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cameraregistry.events.EventType;
import org.cameraregistry.events.Topics;
import org.cameraregistry.events.camera.CameraLevel;

/**
 * geo-search found the cameras around a declared or updated incident, within the incident's
 * radius and its department's jurisdiction: whom to notify and what may open. Keyed by
 * {@code incidentId}; a later state of the incident locates again, and the event with the later
 * {@code asOf} holds.
 *
 * @param incidentId   the incident
 * @param departmentId its department
 * @param latitude     where it is, WGS 84 degrees
 * @param longitude    where it is
 * @param radiusMeters the radius searched: the incident's own, or the default for its type
 * @param asOf         the time of the incident's state that was located (declared or updated at)
 * @param outcome      whether the cameras could be looked for at all
 * @param cameras      the cameras found, nearest first, at most {@code maxCameras} of geo-search's settings
 * @param total        how many cameras are within the radius, the listed ones included
 * @param locatedAt    when they were found
 */
public record IncidentCamerasLocated(
        String incidentId,
        String departmentId,
        double latitude,
        double longitude,
        int radiusMeters,
        Instant asOf,
        Outcome outcome,
        List<LocatedCamera> cameras,
        int total,
        Instant locatedAt) {

    public static final EventType<IncidentCamerasLocated> TYPE =
            new EventType<>(Topics.INCIDENT_CAMERAS_LOCATED, 1, IncidentCamerasLocated.class);

    public IncidentCamerasLocated {
        cameras = List.copyOf(cameras);
    }

    public enum Outcome {
        /** The cameras within the radius and the department's jurisdiction are listed (perhaps none). */
        LOCATED,
        /** The department has no jurisdiction yet, so no camera is its to locate. */
        NO_JURISDICTION
    }

    /**
     * A camera near the incident.
     *
     * @param ownerId the account that owns it, or null for a camera registered before owners signed in
     */
    public record LocatedCamera(UUID cameraId, double distanceMeters, CameraLevel level, UUID ownerId) {
    }
}
