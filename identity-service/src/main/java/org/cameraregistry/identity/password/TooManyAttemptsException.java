package org.cameraregistry.identity.password;

import java.time.Duration;

/** Too many wrong passwords lately: the next try must wait {@code retryAfter}. */
public class TooManyAttemptsException extends RuntimeException {

    private final Duration retryAfter;

    TooManyAttemptsException(Duration retryAfter) {
        super("Too many wrong passwords; try again in " + Math.max(1, retryAfter.toSeconds()) + " s.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
