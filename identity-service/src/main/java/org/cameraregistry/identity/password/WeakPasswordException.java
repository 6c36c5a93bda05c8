package org.cameraregistry.identity.password;

/** A password the policy refuses; {@code reason} is stable for clients, the message is for people. */
public class WeakPasswordException extends RuntimeException {

    private final String reason;

    public WeakPasswordException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
