package org.cameraregistry.events.incident;

import java.time.Instant;
import org.cameraregistry.events.EventType;
import org.cameraregistry.events.Topics;

/**
 * A dispatch system declared an incident. Keyed by {@code incidentId}.
 *
 * @param incidentId   the dispatch system's tracking id (EIDO incidentTrackingIdentifier)
 * @param departmentId the police department whose jurisdiction it is in
 * @param incidentType the dispatch type code, such as "ROBBERY"
 * @param priority     1 (highest) to 5
 * @param latitude     WGS 84 degrees
 * @param longitude    WGS 84 degrees
 * @param radiusMeters how far from the place cameras matter, 1..5000; when absent, the default for its type
 * @param declaredAt   when it was declared
 * @param expiresAt    when whatever it opened closes by itself if no close arrives first
 */
public record IncidentDeclared(
        String incidentId,
        String departmentId,
        String incidentType,
        int priority,
        double latitude,
        double longitude,
        Integer radiusMeters,
        Instant declaredAt,
        Instant expiresAt) {

    public static final EventType<IncidentDeclared> TYPE =
            new EventType<>(Topics.INCIDENT_DECLARED, 1, IncidentDeclared.class);
}
