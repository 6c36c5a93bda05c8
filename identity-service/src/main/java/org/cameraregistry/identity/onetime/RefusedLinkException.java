package org.cameraregistry.identity.onetime;

/** A one-time link that does not work: never issued, already used, or expired. */
public class RefusedLinkException extends RuntimeException {

    private final Why why;

    public RefusedLinkException(Why why) {
        super(why == Why.EXPIRED ? "The link has expired" : "The link is not known or was already used");
        this.why = why;
    }

    public Why why() {
        return why;
    }

    public enum Why {
        /** Never issued, or already used: the two are told alike. */
        UNKNOWN,
        EXPIRED
    }
}
