package org.cameraregistry.identity;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cameraregistry.identity.account.Account;
import org.cameraregistry.identity.account.AccountStore;
import org.cameraregistry.identity.account.Role;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Accounts a test signs in with, stored as the service stores them. */
public final class TestAccounts {

    public static final String PASSWORD = "correct-horse-battery-staple";

    private final AccountStore store;
    private final PasswordEncoder passwords;

    public TestAccounts(AccountStore store, PasswordEncoder passwords) {
        this.store = store;
        this.passwords = passwords;
    }

    /** A verified owner with a unique address. */
    public Account owner() {
        return create(unique("owner"), true, Set.of(Role.OWNER), Optional.empty(), false);
    }

    public Account create(String email, boolean verified, Set<Role> roles, Optional<String> department, boolean disabled) {
        Account account = new Account(UUID.randomUUID(), email, verified, passwords.encode(PASSWORD), roles, department,
                disabled, "Test " + roles, Locale.ENGLISH, Instant.now(), 1);
        if (!store.create(account)) {
            throw new IllegalStateException(email + " already has an account");
        }
        return account;
    }

    public static String unique(String who) {
        return who + "-" + UUID.randomUUID() + "@test.example";
    }
}
