package org.cameraregistry.events.incident;

import java.time.Instant;
import org.cameraregistry.events.EventType;
import org.cameraregistry.events.Topics;

/**
 * A dispatch system changed a declared incident: it moved, its type or priority changed, or the
 * area that matters grew or shrank. Carries the incident's whole new state. Keyed by {@code incidentId}.
 *
 * @param incidentId   the tracking id of the declared incident
 * @param departmentId the police department whose incident it is
 * @param incidentType the dispatch type code, such as "ROBBERY"
 * @param priority     1 (highest) to 5
 * @param latitude     WGS 84 degrees
 * @param longitude    WGS 84 degrees
 * @param radiusMeters how far from the place cameras matter, 1..5000; when absent, the default for its type
 * @param updatedAt    when it changed: of two states of one incident, the later one holds
 * @param expiresAt    when whatever it opened closes by itself if no close arrives first
 */
public record IncidentUpdated(
        String incidentId,
        String departmentId,
        String incidentType,
        int priority,
        double latitude,
        double longitude,
        Integer radiusMeters,
        Instant updatedAt,
        Instant expiresAt) {

    public static final EventType<IncidentUpdated> TYPE =
            new EventType<>(Topics.INCIDENT_UPDATED, 1, IncidentUpdated.class);
}
