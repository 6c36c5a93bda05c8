package org.cameraregistry.identity.staff;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.cameraregistry.identity.IdentityProperties;
import org.cameraregistry.identity.account.Account;
import org.cameraregistry.identity.account.AccountEvents;
import org.cameraregistry.identity.account.AccountStore;
import org.cameraregistry.identity.account.Role;
import org.cameraregistry.identity.department.Department;
import org.cameraregistry.identity.department.DepartmentStore;
import org.cameraregistry.identity.onetime.LinkPurpose;
import org.cameraregistry.identity.onetime.OneTimeLinks;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * A department's staff, as its DEPT_ADMIN keeps them: invites new members, who choose their own
 * password through the link emailed to them (which proves their address too), and disables those
 * who left, who can then neither sign in nor renew a token. Only the department's own members are
 * visible here: another department's are not found.
 */
@Service
public class StaffDirectory {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<Role> STAFF_ROLES = Set.of(Role.INVESTIGATOR, Role.SUPERVISOR, Role.DEPT_ADMIN);

    private final AccountStore accounts;
    private final AccountEvents events;
    private final DepartmentStore departments;
    private final OneTimeLinks links;
    private final PasswordEncoder passwords;
    private final IdentityProperties properties;
    private final Clock clock;

    StaffDirectory(AccountStore accounts, AccountEvents events, DepartmentStore departments, OneTimeLinks links,
            PasswordEncoder passwords, IdentityProperties properties, Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.departments = departments;
        this.links = links;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
    }

    public List<Account> staffOf(String departmentId) {
        department(departmentId);
        return accounts.staffOf(departmentId);
    }

    /**
     * Opens an account for a new member of the department's staff and emails them the link to
     * choose their password.
     *
     * @throws AddressTakenException if the address has an account already
     */
    public Account invite(String departmentId, String email, Role role, String displayName) {
        Department department = department(departmentId);
        if (!STAFF_ROLES.contains(role)) {
            throw new InvalidStaffRoleException();
        }
        if (accounts.findByEmail(email).isPresent()) {
            throw new AddressTakenException();
        }
        Instant now = clock.instant();
        // Nobody knows this password; the member chooses theirs through the invitation.
        Account account = new Account(UUID.randomUUID(), email, false, passwords.encode(unguessable()), Set.of(role),
                Optional.of(departmentId), false, Account.displayName(displayName, email), Locale.US, now, 1);
        OneTimeLinks.Issued link = links.issue(account.id(), LinkPurpose.ACCEPT_INVITATION, properties.links().invitation());
        if (!accounts.create(account, events.registered(account), events.staffInvited(account.id(), departmentId,
                department.name(), link.link(), link.expiresAt(), now))) {
            links.forget(account.id());
            throw new AddressTakenException();
        }
        return account;
    }

    /**
     * Disables or enables a member; the DEPT_ADMIN may not disable themselves, so that a
     * department always keeps the admin who acts.
     */
    public Account setDisabled(String departmentId, UUID memberId, boolean disabled, UUID actingAdmin) {
        department(departmentId);
        if (disabled && memberId.equals(actingAdmin)) {
            throw new DisablingYourselfException();
        }
        AtomicReference<Account> changed = new AtomicReference<>();
        accounts.changeWhileCurrent(memberId, account -> {
            if (!account.departmentId().equals(Optional.of(departmentId))) {
                return true;
            }
            if (account.disabled() == disabled) {
                changed.set(account);
                return true;
            }
            boolean applied = accounts.setDisabled(account, disabled);
            if (applied) {
                changed.set(accounts.findById(memberId).orElse(null));
            }
            return applied;
        });
        if (changed.get() == null) {
            throw new StaffMemberNotFoundException();
        }
        return changed.get();
    }

    private Department department(String departmentId) {
        return departments.find(departmentId).orElseThrow(DepartmentNotFoundException::new);
    }

    private static String unguessable() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
