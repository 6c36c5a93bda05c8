package org.cameraregistry.identity.email;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.cameraregistry.identity.IdentityProperties;
import org.cameraregistry.identity.account.Account;
import org.cameraregistry.identity.account.AccountEvents;
import org.cameraregistry.identity.account.AccountNotFoundException;
import org.cameraregistry.identity.account.AccountStore;
import org.cameraregistry.identity.onetime.LinkPurpose;
import org.cameraregistry.identity.onetime.OneTimeLinks;
import org.cameraregistry.identity.onetime.RefusedLinkException;
import org.cameraregistry.identity.password.PasswordConfirmation;
import org.cameraregistry.identity.signin.SignInThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Moving an account to a new address (docs/adr/0009): asked for with the current password, which
 * is throttled as sign-in is; a one-time link goes to the new address; the account moves only when
 * it is used, and only to the address of the latest request. Whether another account already has
 * the new address is never told to the asker: then no link is sent.
 */
@Service
public class EmailChange {

    private static final Logger log = LoggerFactory.getLogger(EmailChange.class);

    private final AccountStore accounts;
    private final AccountEvents events;
    private final OneTimeLinks links;
    private final PasswordConfirmation confirmation;
    private final SignInThrottle throttle;
    private final IdentityProperties properties;
    private final Clock clock;

    EmailChange(AccountStore accounts, AccountEvents events, OneTimeLinks links, PasswordConfirmation confirmation,
            SignInThrottle throttle, IdentityProperties properties, Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.links = links;
        this.confirmation = confirmation;
        this.throttle = throttle;
        this.properties = properties;
        this.clock = clock;
    }

    /** Sends a link confirming {@code newEmail} to it, once {@code password} proves the asker holds the account. */
    public void request(UUID accountId, String newEmail, String password, String clientAddress) {
        Account account = accounts.findById(accountId).orElseThrow(AccountNotFoundException::new);
        confirmation.confirm(account, password, clientAddress);
        String address = Account.normalized(newEmail);
        if (address.equals(account.email())) {
            throw new SameAddressException();
        }
        if (accounts.findByEmail(address).isPresent()) {
            log.info("account {} asked to move to an address another account has; no link sent", accountId);
            return;
        }
        accounts.changeWhileCurrent(accountId, current -> {
            OneTimeLinks.Issued link = links.issue(accountId, LinkPurpose.CONFIRM_NEW_ADDRESS, properties.links().emailChange());
            Instant now = clock.instant();
            return accounts.requestEmailChange(current, address, OneTimeLinks.fingerprint(link.token()),
                    events.emailChangeRequested(accountId, address, link.link(), link.expiresAt(), now));
        });
    }

    /** Uses the link up and moves the account to the address it was sent to; the new address. */
    public String confirm(String token) {
        UUID accountId = links.redeem(token, LinkPurpose.CONFIRM_NEW_ADDRESS);
        // Only the latest request's link moves the account: an older link's address is not the one asked for now.
        String address = accounts.pendingEmail(accountId, OneTimeLinks.fingerprint(token))
                .orElseThrow(() -> new RefusedLinkException(RefusedLinkException.Why.UNKNOWN));
        for (int attempt = 0; attempt < 8; attempt++) {
            Account account = accounts.findById(accountId).orElseThrow(() -> new RefusedLinkException(RefusedLinkException.Why.UNKNOWN));
            Instant now = clock.instant();
            Account moved = new Account(account.id(), address, true, account.passwordHash(), account.roles(),
                    account.departmentId(), account.disabled(), account.displayName(), account.locale(), account.createdAt(),
                    account.version() + 1);
            switch (accounts.changeEmail(account, address, events.emailChanged(moved, now))) {
                case CHANGED -> {
                    throttle.forget(account.email());
                    return address;
                }
                case ADDRESS_TAKEN -> throw new AddressNowTakenException();
                case CHANGED_MEANWHILE -> log.debug("account {} changed while moving it; reading it again", accountId);
            }
        }
        throw new IllegalStateException("The account " + accountId + " kept changing");
    }
}
