package org.cameraregistry.identity.staff;

/** A member of staff is an INVESTIGATOR, a SUPERVISOR or a DEPT_ADMIN. */
public class InvalidStaffRoleException extends RuntimeException {

    InvalidStaffRoleException() {
        super("A member of staff is an INVESTIGATOR, a SUPERVISOR or a DEPT_ADMIN.");
    }
}
