package org.cameraregistry.events;

import java.util.List;

/**
 * Every Kafka topic the platform's events cross. Events are keyed by the id of their aggregate
 * ({@code cameraId}, {@code incidentId}), so that order holds per camera or incident within a
 * topic; across the three camera topics, the version each camera event carries tells the order.
 */
public final class Topics {

    /** An owner registered a camera; carries its shareable state. */
    public static final String CAMERA_REGISTERED = "camera-registered";
    /** An owner changed a camera; carries its whole new state. */
    public static final String CAMERA_UPDATED = "camera-updated";
    /** An owner paused a camera; it leaves every search until resumed. */
    public static final String CAMERA_PAUSED = "camera-paused";
    /** An owner resumed a paused camera; carries its whole state, and searches find it again. */
    public static final String CAMERA_RESUMED = "camera-resumed";
    /** An owner deleted a camera; every consumer forgets it. */
    public static final String CAMERA_DEREGISTERED = "camera-deregistered";
    /** A dispatch system declared an incident at a place. */
    public static final String INCIDENT_DECLARED = "incident-declared";
    /** A dispatch system changed a declared incident: its place, type, priority or radius. */
    public static final String INCIDENT_UPDATED = "incident-updated";
    /** geo-search found the cameras around an incident, within its radius and its department's jurisdiction. */
    public static final String INCIDENT_CAMERAS_LOCATED = "incident-cameras-located";
    /** A dispatch system closed an incident; what it opened closes too. */
    public static final String INCIDENT_CLOSED = "incident-closed";
    /** Someone opened an account; carries its email address (see {@link #carryingAddresses()}). */
    public static final String ACCOUNT_REGISTERED = "account-registered";
    /** An account holder changed their contact details; carries the new address. */
    public static final String ACCOUNT_EMAIL_CHANGED = "account-email-changed";
    /** An account holder asked to move to a new address; carries it, and the link that confirms it. */
    public static final String ACCOUNT_EMAIL_CHANGE_REQUESTED = "account-email-change-requested";
    /** An account's address must be verified; carries a one-time link, not the address. */
    public static final String ACCOUNT_VERIFICATION_REQUESTED = "account-verification-requested";
    /** Someone asked to reset an account's password; carries a one-time link, not the address. */
    public static final String PASSWORD_RESET_REQUESTED = "password-reset-requested";
    /** A department's admin invited a member of its staff: email them the link to choose a password. */
    public static final String STAFF_INVITED = "staff-invited";
    /** An account was erased; every consumer deletes what names it. */
    public static final String ACCOUNT_ERASED = "account-erased";
    /** A department was given live access to a camera, as its owner's policy allows. */
    public static final String LIVE_ACCESS_OPENED = "live-access-opened";
    /** An email reached the account holder's mail server. */
    public static final String NOTIFICATION_DELIVERED = "notification-delivered";
    /** An email could not be delivered. */
    public static final String NOTIFICATION_FAILED = "notification-failed";

    private static final List<String> ALL = List.of(
            CAMERA_REGISTERED, CAMERA_UPDATED, CAMERA_PAUSED, CAMERA_RESUMED, CAMERA_DEREGISTERED, INCIDENT_DECLARED, INCIDENT_UPDATED,
            INCIDENT_CAMERAS_LOCATED, INCIDENT_CLOSED,
            ACCOUNT_REGISTERED, ACCOUNT_EMAIL_CHANGED, ACCOUNT_EMAIL_CHANGE_REQUESTED, ACCOUNT_VERIFICATION_REQUESTED,
            PASSWORD_RESET_REQUESTED, STAFF_INVITED, ACCOUNT_ERASED, LIVE_ACCESS_OPENED, NOTIFICATION_DELIVERED, NOTIFICATION_FAILED);

    private static final List<String> CARRYING_ADDRESSES =
            List.of(ACCOUNT_REGISTERED, ACCOUNT_EMAIL_CHANGED, ACCOUNT_EMAIL_CHANGE_REQUESTED);

    private Topics() {
    }

    /** Every topic above, in data-flow order. */
    public static List<String> all() {
        return ALL;
    }

    /**
     * The only topics whose events carry an email address. identity-service publishes them and only
     * notification-service consumes them (docs/adr/0009): a module rule holds every other service
     * away from their records, and a schema check holds every other event free of addresses.
     */
    public static List<String> carryingAddresses() {
        return CARRYING_ADDRESSES;
    }

    /**
     * The dead-letter topic where one consumer group parks the events of a topic that it cannot
     * process, so that each group can inspect and replay its own.
     */
    public static String deadLetter(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + ".dlq";
    }
}
