package org.cameraregistry.identity.email;

/** Between the request and the confirmation, another account took the new address. */
public class AddressNowTakenException extends RuntimeException {

    AddressNowTakenException() {
        super("Another account has this address now.");
    }
}
