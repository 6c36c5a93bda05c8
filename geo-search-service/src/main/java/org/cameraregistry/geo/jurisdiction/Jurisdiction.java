package org.cameraregistry.geo.jurisdiction;

import java.time.Instant;

/**
 * Where a department's staff may look: its search answers hold only the cameras in this area.
 *
 * @param departmentId the department, as its staff's tokens name it in their {@code department} claim
 * @param shape        the area
 * @param updatedAt    when its DEPT_ADMIN last set it
 */
public record Jurisdiction(String departmentId, JurisdictionShape shape, Instant updatedAt) {

    /** Whether a camera at this place is visible to the department's staff. */
    public boolean covers(double latitude, double longitude) {
        return shape.covers(latitude, longitude);
    }
}
