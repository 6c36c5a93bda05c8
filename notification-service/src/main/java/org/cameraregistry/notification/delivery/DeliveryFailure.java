package org.cameraregistry.notification.delivery;

/**
 * Why an email was not delivered, as {@code notification-failed} says it: a code, never the mail
 * server's words, which often quote the address.
 */
public enum DeliveryFailure {

    /** The mail server refused the address or the message for good (a 5xx reply). */
    ADDRESS_REJECTED("address-rejected", true),
    /** Not an address mail can be sent to. */
    ADDRESS_INVALID("address-invalid", true),
    /** An earlier permanent failure put the address on the suppression list; nothing was sent. */
    ADDRESS_SUPPRESSED("address-suppressed", true),
    /** The mail server kept failing for a passing reason; the event went to the dead-letter topic. */
    RETRIES_SPENT("retries-spent", false);

    private final String code;
    private final boolean permanent;

    DeliveryFailure(String code, boolean permanent) {
        this.code = code;
        this.permanent = permanent;
    }

    public String code() {
        return code;
    }

    /** Whether the address is on the suppression list because of it. */
    public boolean permanent() {
        return permanent;
    }
}
