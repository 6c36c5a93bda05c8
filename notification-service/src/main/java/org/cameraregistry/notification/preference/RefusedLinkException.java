package org.cameraregistry.notification.preference;

/** An unsubscribe or preferences link that does not act for anyone: forged, expired or opened on the wrong page. */
public class RefusedLinkException extends RuntimeException {

    /** Why the link is refused. */
    public enum Reason {
        /** The token is not one this platform signed, or was changed. */
        FORGED,
        /** The token was genuine but its time is over. */
        EXPIRED,
        /** A one-kind unsubscribe token opened on the preferences page, which changes every kind. */
        WRONG_PAGE
    }

    private final Reason reason;

    RefusedLinkException(Reason reason) {
        super(switch (reason) {
            case FORGED -> "This link is not one we sent, or it was changed on the way.";
            case EXPIRED -> "This link has expired. Every email we send carries a fresh one.";
            case WRONG_PAGE -> "This link stops one kind of email only; the link to all your email preferences"
                    + " is at the foot of every optional email.";
        });
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
