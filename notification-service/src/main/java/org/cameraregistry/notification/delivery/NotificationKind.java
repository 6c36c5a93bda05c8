package org.cameraregistry.notification.delivery;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every kind of email the platform sends, with its template. An optional kind can be turned off by
 * its recipient and carries a one-click unsubscribe link; a mandatory one says why it cannot be.
 */
public enum NotificationKind {

    ACCOUNT_VERIFICATION("account-verification", false),
    PASSWORD_RESET("password-reset", false),
    STAFF_INVITATION("staff-invitation", false),
    EMAIL_CHANGE_CONFIRMATION("email-change-confirmation", false),
    EMAIL_CHANGED("email-changed", false),
    ACCOUNT_ERASED("account-erased", false),
    CAMERA_REGISTERED("camera-registered", true),
    CAMERA_DELETED("camera-deleted", true),
    LIVE_ACCESS_OPENED("live-access-opened", true);

    private final String key;
    private final boolean optional;

    NotificationKind(String key, boolean optional) {
        this.key = key;
        this.optional = optional;
    }

    /** The kind's name in events, links, templates and delivery records, such as {@code camera-registered}. */
    public String key() {
        return key;
    }

    /** Whether its recipient may turn it off. */
    public boolean optional() {
        return optional;
    }

    /** The kind named {@code key}, if there is one. */
    public static Optional<NotificationKind> byKey(String key) {
        return Arrays.stream(values()).filter(kind -> kind.key.equals(key)).findFirst();
    }
}
