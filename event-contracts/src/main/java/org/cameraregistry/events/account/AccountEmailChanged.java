package org.cameraregistry.events.account;

import java.time.Instant;
import java.util.UUID;
import org.cameraregistry.events.EventType;
import org.cameraregistry.events.Topics;

/**
 * An account holder changed how they are reached: the whole new contact details. Carries an email
 * address: only notification-service may consume it (docs/adr/0009). Keyed by {@code accountId}.
 *
 * @param accountId   the account
 * @param version     the contact details' version after this change (see {@link AccountRegistered#version()})
 * @param email       the new address
 * @param displayName how emails greet the account holder
 * @param locale      the account holder's language, a BCP 47 tag
 * @param changedAt   when it changed
 */
public record AccountEmailChanged(
        UUID accountId, long version, String email, String displayName, String locale, Instant changedAt) {

    public static final EventType<AccountEmailChanged> TYPE =
            new EventType<>(Topics.ACCOUNT_EMAIL_CHANGED, 1, AccountEmailChanged.class);
}
