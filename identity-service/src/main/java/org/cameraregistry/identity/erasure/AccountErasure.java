package org.cameraregistry.identity.erasure;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.cameraregistry.identity.account.AccountEvents;
import org.cameraregistry.identity.account.AccountNotFoundException;
import org.cameraregistry.identity.account.AccountStore;
import org.cameraregistry.identity.onetime.OneTimeLinks;
import org.cameraregistry.identity.signin.SignInThrottle;
import org.springframework.stereotype.Service;

/**
 * Erases an account: the account itself, its one-time links and the failed sign-ins counted
 * against its address here, and, through {@code account-erased}, everything the other services
 * hold about it (the registry deletes its cameras, whose camera-deregistered events clear
 * geo-search; notification-service confirms to the address, then forgets it).
 */
@Service
public class AccountErasure {

    private final AccountStore accounts;
    private final AccountEvents events;
    private final OneTimeLinks links;
    private final SignInThrottle throttle;
    private final Clock clock;

    AccountErasure(AccountStore accounts, AccountEvents events, OneTimeLinks links, SignInThrottle throttle, Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.links = links;
        this.throttle = throttle;
        this.clock = clock;
    }

    /**
     * @return when it was erased
     * @throws AccountNotFoundException if there is no such account (any more)
     */
    public Instant erase(UUID accountId) {
        AtomicReference<Instant> erasedAt = new AtomicReference<>();
        AtomicReference<String> address = new AtomicReference<>();
        accounts.changeWhileCurrent(accountId, account -> {
            Instant now = clock.instant();
            boolean erased = accounts.erase(account, events.erased(accountId, now));
            if (erased) {
                erasedAt.set(now);
                address.set(account.email());
            }
            return erased;
        });
        if (erasedAt.get() == null) {
            throw new AccountNotFoundException();
        }
        links.forget(accountId);
        throttle.forget(address.get());
        return erasedAt.get();
    }
}
