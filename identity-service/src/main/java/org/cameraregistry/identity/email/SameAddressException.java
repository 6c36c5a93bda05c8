package org.cameraregistry.identity.email;

/** The new address is the account's already. */
public class SameAddressException extends RuntimeException {

    SameAddressException() {
        super("That is this account's address already.");
    }
}
