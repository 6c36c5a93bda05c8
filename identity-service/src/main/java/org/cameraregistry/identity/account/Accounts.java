package org.cameraregistry.identity.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Finds the account an address signs in to. */
@Component
public class Accounts implements UserDetailsService {

    private final AccountStore store;

    Accounts(AccountStore store) {
        this.store = store;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        // The same exception for every reason, and Spring hashes a dummy password when there is no
        // account, so a failed sign-in does not tell whether the address has one.
        return store.findByEmail(email).map(AccountPrincipal::new)
                .orElseThrow(() -> new UsernameNotFoundException("Bad credentials"));
    }
}
