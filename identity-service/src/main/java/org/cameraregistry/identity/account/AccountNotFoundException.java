package org.cameraregistry.identity.account;

/** The token names no account: a dispatch system's token, or an account erased since it was issued. */
public class AccountNotFoundException extends RuntimeException {

    public AccountNotFoundException() {
        super("No account for this token");
    }
}
