package org.cameraregistry.events.account;

import java.time.Instant;
import java.util.UUID;
import org.cameraregistry.events.EventType;
import org.cameraregistry.events.Topics;

/**
 * An account holder had their account erased. Every service deletes all it holds that names the
 * account; notification-service first confirms it to the address it is about to forget. Keyed by
 * {@code accountId}.
 *
 * @param accountId the account
 * @param erasedAt  when it was erased
 */
public record AccountErased(UUID accountId, Instant erasedAt) {

    public static final EventType<AccountErased> TYPE =
            new EventType<>(Topics.ACCOUNT_ERASED, 1, AccountErased.class);
}
