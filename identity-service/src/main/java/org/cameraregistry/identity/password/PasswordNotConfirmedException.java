package org.cameraregistry.identity.password;

import java.time.Duration;
import java.util.Optional;

/** The password given to confirm a change is not the account's; {@code blockedFor} when that blocked further tries. */
public class PasswordNotConfirmedException extends RuntimeException {

    private final Duration blockedFor;

    PasswordNotConfirmedException(Duration blockedFor) {
        super("The password is not this account's.");
        this.blockedFor = blockedFor;
    }

    public Optional<Duration> blockedFor() {
        return Optional.ofNullable(blockedFor);
    }
}
