package org.cameraregistry.identity.account;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.cameraregistry.events.EventCodec;
import org.cameraregistry.events.EventEnvelope;
import org.cameraregistry.events.EventType;
import org.cameraregistry.events.account.AccountEmailChangeRequested;
import org.cameraregistry.events.account.AccountEmailChanged;
import org.cameraregistry.events.account.AccountErased;
import org.cameraregistry.events.account.AccountRegistered;
import org.cameraregistry.events.account.AccountVerificationRequested;
import org.cameraregistry.events.account.PasswordResetRequested;
import org.cameraregistry.events.account.StaffInvited;
import org.cameraregistry.outbox.PendingEvent;
import org.springframework.stereotype.Component;

/** The events that accounts' changes publish, ready for the outbox; keyed by the account's id. */
@Component
public class AccountEvents {

    static final String SOURCE = "/identity-service";

    private final EventCodec codec;

    AccountEvents(EventCodec codec) {
        this.codec = codec;
    }

    public PendingEvent registered(Account account) {
        return pending(AccountRegistered.TYPE, account.id(), account.createdAt(), new AccountRegistered(account.id(),
                account.version(), account.email(), account.displayName(), account.locale().toLanguageTag(),
                account.createdAt()));
    }

    /** The whole contact details after an address change; {@code account} as it is once changed. */
    public PendingEvent emailChanged(Account account, Instant at) {
        return pending(AccountEmailChanged.TYPE, account.id(), at, new AccountEmailChanged(account.id(), account.version(),
                account.email(), account.displayName(), account.locale().toLanguageTag(), at));
    }

    public PendingEvent emailChangeRequested(UUID accountId, String newEmail, URI link, Instant expiresAt, Instant at) {
        return pending(AccountEmailChangeRequested.TYPE, accountId, at,
                new AccountEmailChangeRequested(accountId, newEmail, link, expiresAt, at));
    }

    public PendingEvent verificationRequested(UUID accountId, URI link, Instant expiresAt, Instant at) {
        return pending(AccountVerificationRequested.TYPE, accountId, at,
                new AccountVerificationRequested(accountId, link, expiresAt, at));
    }

    public PendingEvent passwordResetRequested(UUID accountId, URI link, Instant expiresAt, Instant at) {
        return pending(PasswordResetRequested.TYPE, accountId, at, new PasswordResetRequested(accountId, link, expiresAt, at));
    }

    public PendingEvent staffInvited(UUID accountId, String departmentId, String departmentName, URI link,
            Instant expiresAt, Instant at) {
        return pending(StaffInvited.TYPE, accountId, at,
                new StaffInvited(accountId, departmentId, departmentName, link, expiresAt, at));
    }

    public PendingEvent erased(UUID accountId, Instant at) {
        return pending(AccountErased.TYPE, accountId, at, new AccountErased(accountId, at));
    }

    private <T> PendingEvent pending(EventType<T> type, UUID accountId, Instant time, T data) {
        EventEnvelope<T> event = EventEnvelope.create(type, SOURCE, accountId.toString(), time, data);
        String payload = new String(codec.write(type, event), StandardCharsets.UTF_8);
        return new PendingEvent(event.id(), type.topic(), accountId.toString(), payload, time);
    }
}
