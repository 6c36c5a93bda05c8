package org.cameraregistry.events.incident;

import java.time.Instant;
import org.cameraregistry.events.EventType;
import org.cameraregistry.events.Topics;

/**
 * A dispatch system closed an incident: whatever it opened closes. Keyed by {@code incidentId}.
 *
 * @param incidentId   the tracking id of the declared incident
 * @param departmentId the police department whose incident it is
 * @param closedAt     when it closed
 */
public record IncidentClosed(String incidentId, String departmentId, Instant closedAt) {

    public static final EventType<IncidentClosed> TYPE =
            new EventType<>(Topics.INCIDENT_CLOSED, 1, IncidentClosed.class);
}
