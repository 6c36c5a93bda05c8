package org.cameraregistry.identity.account;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * An account as Spring Security signs it in. Its name is the account's id, so that the {@code sub}
 * of its tokens stays the same when the address changes.
 */
public final class AccountPrincipal implements UserDetails, CredentialsContainer {

    private final Account account;
    private String passwordHash;

    AccountPrincipal(Account account) {
        this.account = account;
        this.passwordHash = account.passwordHash();
    }

    public Account account() {
        return account;
    }

    @Override
    public String getUsername() {
        return account.id().toString();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return account.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
    }

    @Override
    public boolean isEnabled() {
        return account.maySignIn();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "AccountPrincipal[" + account.id() + ", " + List.copyOf(account.roles()) + "]";
    }
}
