package org.cameraregistry.events.account;

import java.time.Instant;
import java.util.UUID;
import org.cameraregistry.events.EventType;
import org.cameraregistry.events.Topics;

/**
 * Someone opened an account. One of the two events that carry an email address: only
 * notification-service may consume it (docs/adr/0009). Keyed by {@code accountId}.
 *
 * @param accountId    the account
 * @param version      the version of the account's contact details, 1 here; a consumer applies
 *                     contact details only if they are newer than what it holds, since this topic
 *                     and {@code account-email-changed} are not ordered with each other
 * @param email        where the account is reached
 * @param displayName  how emails greet the account holder
 * @param locale       the account holder's language, a BCP 47 tag such as {@code en} or {@code es-US}
 * @param registeredAt when the account was opened
 */
public record AccountRegistered(
        UUID accountId, long version, String email, String displayName, String locale, Instant registeredAt) {

    public static final EventType<AccountRegistered> TYPE =
            new EventType<>(Topics.ACCOUNT_REGISTERED, 1, AccountRegistered.class);
}
