package org.cameraregistry.geo.jurisdiction;

/** A department whose DEPT_ADMIN has not set its jurisdiction yet. */
public class JurisdictionNotSetException extends RuntimeException {

    JurisdictionNotSetException(String departmentId) {
        super("Department " + departmentId + " has no jurisdiction yet; its DEPT_ADMIN sets it with PUT /api/departments/"
                + departmentId + "/jurisdiction.");
    }
}
