package org.cameraregistry.identity.password;

import java.time.Duration;
import java.util.Optional;
import org.cameraregistry.identity.account.Account;
import org.cameraregistry.identity.signin.SignInThrottle;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A signed-in account holder proves it is them before a change that matters (a new address, a new
 * password) by typing the current password. Wrong passwords count as failed sign-ins do, so that a
 * stolen session cannot be used to guess the password.
 */
@Component
public class PasswordConfirmation {

    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;

    PasswordConfirmation(PasswordEncoder passwords, SignInThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    /**
     * @throws TooManyAttemptsException       if wrong passwords blocked further tries for now
     * @throws PasswordNotConfirmedException  if {@code password} is not the account's
     */
    public void confirm(Account account, String password, String clientAddress) {
        throttle.blocked(account.email(), clientAddress).ifPresent(wait -> {
            throw new TooManyAttemptsException(wait);
        });
        if (!passwords.matches(password, account.passwordHash())) {
            Optional<Duration> blocked = throttle.failed(account.email(), clientAddress);
            throw new PasswordNotConfirmedException(blocked.orElse(null));
        }
    }
}
