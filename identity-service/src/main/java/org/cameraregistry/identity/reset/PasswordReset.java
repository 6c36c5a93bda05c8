package org.cameraregistry.identity.reset;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.cameraregistry.identity.IdentityProperties;
import org.cameraregistry.identity.account.Account;
import org.cameraregistry.identity.account.AccountEvents;
import org.cameraregistry.identity.account.AccountStore;
import org.cameraregistry.identity.onetime.LinkPurpose;
import org.cameraregistry.identity.onetime.OneTimeLinks;
import org.cameraregistry.identity.password.PasswordPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * A forgotten password is replaced through a one-time link emailed to the address (one hour). Asking
 * answers the same whether or not the address has an account; only an account's own address gets
 * the link.
 */
@Service
public class PasswordReset {

    private final AccountStore accounts;
    private final AccountEvents events;
    private final OneTimeLinks links;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final IdentityProperties properties;
    private final Clock clock;

    PasswordReset(AccountStore accounts, AccountEvents events, OneTimeLinks links, PasswordPolicy policy,
            PasswordEncoder passwords, IdentityProperties properties, Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.links = links;
        this.policy = policy;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
    }

    /** Emails a reset link to the address if it has an account that is not disabled; otherwise nothing. */
    public void request(String email) {
        Optional<Account> account = accounts.findByEmail(email).filter(found -> !found.disabled());
        if (account.isEmpty()) {
            return;
        }
        UUID id = account.get().id();
        OneTimeLinks.Issued link = links.issue(id, LinkPurpose.RESET_PASSWORD, properties.links().passwordReset());
        accounts.publish(id, events.passwordResetRequested(id, link.link(), link.expiresAt(), clock.instant()));
    }

    /**
     * Sets the new password of the account the link was sent to: a reset link, or a new staff
     * member's invitation. The password is checked first, so that a refused one does not use the link up.
     */
    public void reset(String token, String newPassword) {
        policy.check(newPassword, null);
        UUID accountId = links.redeem(token, LinkPurpose.RESET_PASSWORD, LinkPurpose.ACCEPT_INVITATION);
        String hash = passwords.encode(newPassword);
        accounts.changeWhileCurrent(accountId, account -> accounts.changePassword(account, hash));
    }
}
