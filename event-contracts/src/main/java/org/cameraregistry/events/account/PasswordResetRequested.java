package org.cameraregistry.events.account;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.cameraregistry.events.EventType;
import org.cameraregistry.events.Topics;

/**
 * Someone asked to reset an account's password: send the account holder this one-time link. Names the
 * account, not the address. Keyed by {@code accountId}.
 *
 * @param accountId   the account
 * @param link        the one-time reset link
 * @param expiresAt   when the link stops working
 * @param requestedAt when it was requested
 */
public record PasswordResetRequested(UUID accountId, URI link, Instant expiresAt, Instant requestedAt) {

    public static final EventType<PasswordResetRequested> TYPE =
            new EventType<>(Topics.PASSWORD_RESET_REQUESTED, 1, PasswordResetRequested.class);
}
