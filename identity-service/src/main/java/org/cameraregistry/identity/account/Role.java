package org.cameraregistry.identity.account;

/** What an account may do; carried in the {@code roles} claim of its tokens. */
public enum Role {
    /** Registers cameras and manages their own. */
    OWNER,
    /** Police staff who search the registry within their department's jurisdiction. */
    INVESTIGATOR,
    /** An investigator who also approves what investigators ask for. */
    SUPERVISOR,
    /** Creates and disables the staff of their own department and sets its jurisdiction. */
    DEPT_ADMIN;

    /** The role a dispatch system's client credentials carry: it declares incidents, nothing else. */
    public static final String DISPATCH = "DISPATCH";
}
