package org.cameraregistry.identity.staff;

/** No member of your department's staff has this id. */
public class StaffMemberNotFoundException extends RuntimeException {

    StaffMemberNotFoundException() {
        super("No member of your department's staff has this id.");
    }
}
