package org.cameraregistry.identity.staff;

/** The address has an account already; a person has one account, and it cannot join a department this way. */
public class AddressTakenException extends RuntimeException {

    AddressTakenException() {
        super("The address has an account already; a person has one account, and it cannot join a department this way.");
    }
}
