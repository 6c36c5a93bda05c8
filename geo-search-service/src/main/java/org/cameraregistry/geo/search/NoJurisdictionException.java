package org.cameraregistry.geo.search;

/** The caller's department has no jurisdiction (or the caller no department): no camera is theirs to see. */
public class NoJurisdictionException extends RuntimeException {

    NoJurisdictionException(String departmentId) {
        super(departmentId == null
                ? "Your account belongs to no department, so a search can show it no camera."
                : "Your department (" + departmentId + ") has no jurisdiction yet, so a search can show you no camera;"
                        + " its DEPT_ADMIN sets it with PUT /api/departments/" + departmentId + "/jurisdiction.");
    }
}
