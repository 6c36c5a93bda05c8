package org.cameraregistry.identity.onetime;

/** What a one-time link does, and the page it opens; a link of one purpose never works for another. */
public enum LinkPurpose {
    VERIFY_ADDRESS(LinkPurpose.VERIFY_PAGE),
    RESET_PASSWORD(LinkPurpose.RESET_PAGE),
    /** A new staff member's first password, chosen on the reset page; it proves the address too. */
    ACCEPT_INVITATION(LinkPurpose.RESET_PAGE),
    /** Sent to the address an account asked to move to: using it proves the address is theirs. */
    CONFIRM_NEW_ADDRESS(LinkPurpose.CONFIRM_ADDRESS_PAGE);

    /** The page a verification link opens. */
    public static final String VERIFY_PAGE = "/accounts/verify";
    /** The page a reset link opens. */
    public static final String RESET_PAGE = "/accounts/reset-password";
    /** The page a link confirming a new address opens. */
    public static final String CONFIRM_ADDRESS_PAGE = "/accounts/email/confirm";

    private final String page;

    LinkPurpose(String page) {
        this.page = page;
    }

    public String page() {
        return page;
    }
}
