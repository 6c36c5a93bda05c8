package org.cameraregistry.identity.signup;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cameraregistry.identity.IdentityProperties;
import org.cameraregistry.identity.account.Account;
import org.cameraregistry.identity.account.AccountEvents;
import org.cameraregistry.identity.account.AccountStore;
import org.cameraregistry.identity.account.Role;
import org.cameraregistry.identity.onetime.LinkPurpose;
import org.cameraregistry.identity.onetime.OneTimeLinks;
import org.cameraregistry.identity.password.PasswordPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Owners open their own accounts. Whether an address already has an account is never told: a new
 * address gets an account and a verification link, an unverified one a fresh link, a verified one
 * nothing, and the caller sees the same answer, after the same work (the password is hashed in every
 * case).
 */
@Service
public class SignUp {

    private static final Logger log = LoggerFactory.getLogger(SignUp.class);

    private final AccountStore accounts;
    private final AccountEvents events;
    private final OneTimeLinks links;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final IdentityProperties properties;
    private final Clock clock;

    SignUp(AccountStore accounts, AccountEvents events, OneTimeLinks links, PasswordPolicy policy,
            PasswordEncoder passwords, IdentityProperties properties, Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.links = links;
        this.policy = policy;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
    }

    /** Opens an owner's account for {@code email}, or sends the link again; refuses a weak password first. */
    public void signUp(String email, String password, String displayName, Locale locale) {
        policy.check(password, email);
        String hash = passwords.encode(password);
        Optional<Account> existing = accounts.findByEmail(email);
        if (existing.isPresent()) {
            if (!existing.get().emailVerified()) {
                sendVerification(existing.get().id());
            }
            return;
        }
        Instant now = clock.instant();
        Account account = new Account(UUID.randomUUID(), email, false, hash, Set.of(Role.OWNER), Optional.empty(), false,
                Account.displayName(displayName, email),
                locale, now, 1);
        OneTimeLinks.Issued link = links.issue(account.id(), LinkPurpose.VERIFY_ADDRESS, properties.links().verification());
        if (!accounts.create(account, events.registered(account),
                events.verificationRequested(account.id(), link.link(), link.expiresAt(), now))) {
            // Opened at the same moment by another request: that one sends the link.
            links.forget(account.id());
            log.info("Sign-up raced another for the same address; the other one opened the account");
        }
    }

    /** Verifies the address the link was sent for. */
    public void verify(String token) {
        UUID accountId = links.redeem(token, LinkPurpose.VERIFY_ADDRESS);
        accounts.changeWhileCurrent(accountId, account -> account.emailVerified() || accounts.markVerified(account));
    }

    private void sendVerification(UUID accountId) {
        OneTimeLinks.Issued link = links.issue(accountId, LinkPurpose.VERIFY_ADDRESS, properties.links().verification());
        accounts.publish(accountId, events.verificationRequested(accountId, link.link(), link.expiresAt(), clock.instant()));
    }
}
