package org.cameraregistry.geo.incident;

import java.time.Instant;
import org.cameraregistry.events.incident.IncidentDeclared;
import org.cameraregistry.events.incident.IncidentUpdated;

/**
 * An incident as one declared or updated event says it is.
 *
 * @param radiusMeters the incident's own radius, or null for its type's default
 * @param asOf         when this state began: of two states, the later one holds
 */
record IncidentState(String incidentId, String departmentId, String incidentType, double latitude, double longitude,
        Integer radiusMeters, Instant asOf) {

    static IncidentState of(IncidentDeclared declared) {
        return new IncidentState(declared.incidentId(), declared.departmentId(), declared.incidentType(),
                declared.latitude(), declared.longitude(), declared.radiusMeters(), declared.declaredAt());
    }

    static IncidentState of(IncidentUpdated updated) {
        return new IncidentState(updated.incidentId(), updated.departmentId(), updated.incidentType(),
                updated.latitude(), updated.longitude(), updated.radiusMeters(), updated.updatedAt());
    }
}
