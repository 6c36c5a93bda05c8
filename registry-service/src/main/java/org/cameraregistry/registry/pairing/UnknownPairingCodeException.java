package org.cameraregistry.registry.pairing;

/** A code never issued, used already, expired, or whose camera is gone: which, a device is not told. */
public class UnknownPairingCodeException extends RuntimeException {

    UnknownPairingCodeException() {
        super("This pairing code does not work: it may be mistyped, used already, or older than a day. Ask the"
                + " camera's owner for a new one.");
    }
}
