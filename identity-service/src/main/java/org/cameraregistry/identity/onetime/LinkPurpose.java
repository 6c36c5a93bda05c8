package org.cameraregistry.identity.onetime;

/** What a one-time link does, and the page it opens; a link of one purpose never works for another. */
public enum LinkPurpose {
    VERIFY_ADDRESS(LinkPurpose.VERIFY_PAGE),
    RESET_PASSWORD(LinkPurpose.RESET_PAGE),
    /** A new staff member's first password, chosen on the reset page; it proves the address too. */
    ACCEPT_INVITATION(LinkPurpose.RESET_PAGE);

    /** The page a verification link opens. */
    public static final String VERIFY_PAGE = "/accounts/verify";
    /** The page a reset link opens. */
    public static final String RESET_PAGE = "/accounts/reset-password";

    private final String page;

    LinkPurpose(String page) {
        this.page = page;
    }

    public String page() {
        return page;
    }
}
