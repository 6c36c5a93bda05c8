package org.cameraregistry.identity.operator;

import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cameraregistry.identity.account.Account;
import org.cameraregistry.identity.account.AccountEvents;
import org.cameraregistry.identity.account.AccountStore;
import org.cameraregistry.identity.account.Role;
import org.cameraregistry.identity.password.PasswordPolicy;
import org.cameraregistry.identity.password.WeakPasswordException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * {@code POST /actuator/accounts}, an operator's endpoint (management port, or this host only):
 * opens a verified account with a role, such as a department's first DEPT_ADMIN, who then adds
 * staff of their own, or the local stack's demo accounts. An address that has an account already
 * is left as it is, so a setup script may run again.
 */
@Component
@Endpoint(id = "accounts")
public class OperatorAccountsEndpoint {

    private final AccountStore accounts;
    private final AccountEvents events;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final Clock clock;

    OperatorAccountsEndpoint(AccountStore accounts, AccountEvents events, PasswordPolicy policy,
            PasswordEncoder passwords, Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.policy = policy;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * @param role       OWNER, INVESTIGATOR, SUPERVISOR or DEPT_ADMIN
     * @param department the department of staff; none for an owner
     */
    @WriteOperation
    public OpenedAccount open(String email, String password, String role, @Nullable String department,
            @Nullable String displayName) {
        Role granted = Arrays.stream(Role.values()).filter(known -> known.name().equals(role)).findFirst()
                .orElseThrow(() -> refused("role must be one of " + Arrays.toString(Role.values())));
        if ((granted == Role.OWNER) != (department == null || department.isBlank())) {
            throw refused("staff belong to a department, and owners to none");
        }
        Optional<Account> existing = accounts.findByEmail(email);
        if (existing.isPresent()) {
            return OpenedAccount.of(existing.get(), false);
        }
        try {
            policy.check(password, email);
        } catch (WeakPasswordException weak) {
            throw refused(weak.getMessage());
        }
        Account account = new Account(UUID.randomUUID(), email, true, passwords.encode(password), Set.of(granted),
                Optional.ofNullable(department).filter(name -> !name.isBlank()), false,
                Account.displayName(displayName, email),
                Locale.US, clock.instant(), 1);
        if (!accounts.create(account, events.registered(account))) {
            return OpenedAccount.of(accounts.findByEmail(email).orElseThrow(), false);
        }
        return OpenedAccount.of(account, true);
    }

    private static InvalidEndpointRequestException refused(String reason) {
        return new InvalidEndpointRequestException(reason, reason);
    }

    /** @param opened false when the address had an account already, which was left as it is */
    public record OpenedAccount(UUID accountId, String email, Set<Role> roles, String department, boolean opened) {

        static OpenedAccount of(Account account, boolean opened) {
            return new OpenedAccount(account.id(), account.email(), account.roles(), account.departmentId().orElse(null),
                    opened);
        }
    }
}
