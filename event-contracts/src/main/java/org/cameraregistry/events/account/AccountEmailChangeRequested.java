package org.cameraregistry.events.account;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.cameraregistry.events.EventType;
import org.cameraregistry.events.Topics;

/**
 * An account holder asked to be reached at a new address: send this one-time link to it, so that
 * they prove it is theirs before the account moves there. Carries the new address: only
 * notification-service may consume it (docs/adr/0009). Keyed by {@code accountId}.
 *
 * @param accountId   the account
 * @param email       the new address, not the account's yet
 * @param link        the one-time link that confirms it
 * @param expiresAt   when the link stops working
 * @param requestedAt when it was asked for
 */
public record AccountEmailChangeRequested(UUID accountId, String email, URI link, Instant expiresAt, Instant requestedAt) {

    public static final EventType<AccountEmailChangeRequested> TYPE =
            new EventType<>(Topics.ACCOUNT_EMAIL_CHANGE_REQUESTED, 1, AccountEmailChangeRequested.class);
}
