package org.cameraregistry.identity.staff;

/** You cannot disable your own account: ask another DEPT_ADMIN of your department. */
public class DisablingYourselfException extends RuntimeException {

    DisablingYourselfException() {
        super("You cannot disable your own account: ask another DEPT_ADMIN of your department.");
    }
}
