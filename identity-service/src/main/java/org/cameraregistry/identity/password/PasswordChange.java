package org.cameraregistry.identity.password;

import java.util.UUID;
import org.cameraregistry.identity.account.Account;
import org.cameraregistry.identity.account.AccountNotFoundException;
import org.cameraregistry.identity.account.AccountStore;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** A signed-in account holder chooses a new password, confirming the current one first. */
@Service
public class PasswordChange {

    private final AccountStore accounts;
    private final PasswordConfirmation confirmation;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;

    PasswordChange(AccountStore accounts, PasswordConfirmation confirmation, PasswordPolicy policy, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.confirmation = confirmation;
        this.policy = policy;
        this.passwords = passwords;
    }

    /**
     * @throws PasswordNotConfirmedException if {@code currentPassword} is not the account's
     * @throws TooManyAttemptsException      if wrong passwords blocked further tries for now
     * @throws WeakPasswordException         if the new password is refused, with the reason
     */
    public void change(UUID accountId, String currentPassword, String newPassword, String clientAddress) {
        Account account = accounts.findById(accountId).orElseThrow(AccountNotFoundException::new);
        confirmation.confirm(account, currentPassword, clientAddress);
        policy.check(newPassword, account.email());
        String hash = passwords.encode(newPassword);
        accounts.changeWhileCurrent(accountId, current -> accounts.changePassword(current, hash));
    }
}
