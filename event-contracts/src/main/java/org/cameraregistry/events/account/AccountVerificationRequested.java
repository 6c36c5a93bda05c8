package org.cameraregistry.events.account;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.cameraregistry.events.EventType;
import org.cameraregistry.events.Topics;

/**
 * An account's email address must be verified: send the account holder this one-time link. Names the
 * account, not the address. Keyed by {@code accountId}.
 *
 * @param accountId   the account
 * @param link        the one-time verification link
 * @param expiresAt   when the link stops working
 * @param requestedAt when it was requested
 */
public record AccountVerificationRequested(UUID accountId, URI link, Instant expiresAt, Instant requestedAt) {

    public static final EventType<AccountVerificationRequested> TYPE =
            new EventType<>(Topics.ACCOUNT_VERIFICATION_REQUESTED, 1, AccountVerificationRequested.class);
}
