package org.cameraregistry.identity.account;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Someone who signs in: an owner, who signed up, or a department's staff, made by its DEPT_ADMIN.
 *
 * @param id            the account's id, the {@code sub} of its tokens: never the address, which may change
 * @param email         the address, lower-cased; it signs in with it
 * @param emailVerified whether the address was proven by a one-time link
 * @param passwordHash  the password's hash, with its algorithm's prefix ({@code {bcrypt}...})
 * @param roles         what it may do
 * @param departmentId  the department of staff; empty for an owner
 * @param disabled      whether it was disabled (staff who left); it cannot sign in or renew a token
 * @param displayName   how the platform greets it
 * @param locale        its language
 * @param createdAt     when it was opened
 * @param version       its version, incremented by every change; a change is conditional on it
 */
public record Account(
        UUID id, String email, boolean emailVerified, String passwordHash, Set<Role> roles,
        Optional<String> departmentId, boolean disabled, String displayName, Locale locale, Instant createdAt,
        long version) {

    public Account {
        Objects.requireNonNull(id, "id");
        email = normalized(email);
        roles = Set.copyOf(roles);
        Objects.requireNonNull(departmentId, "departmentId");
    }

    /** Addresses are compared lower-cased and trimmed: one person, one account. */
    public static String normalized(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** The name the platform greets an account by: the one given, or else the address's local part. */
    public static String displayName(String given, String email) {
        return given == null || given.isBlank() ? email.strip().substring(0, email.strip().indexOf('@')) : given.strip();
    }

    /** The account id a token's {@code sub} names, if it names one (a dispatch system's does not). */
    public static Optional<UUID> idIn(String subject) {
        try {
            return Optional.of(UUID.fromString(subject));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether it may sign in: verified and not disabled. */
    public boolean maySignIn() {
        return emailVerified && !disabled;
    }
}
