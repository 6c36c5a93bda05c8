package org.cameraregistry.notification.account;

import java.util.Locale;
import java.util.UUID;

/**
 * How an account is reached.
 *
 * @param accountId   the account
 * @param version     the contact details' version (docs/adr/0009)
 * @param email       the address
 * @param displayName how emails greet the account holder
 * @param locale      the account holder's language
 */
public record Contact(UUID accountId, long version, String email, String displayName, Locale locale) {
}
