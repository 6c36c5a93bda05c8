package org.cameraregistry.notification.delivery;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One email to send to one account.
 *
 * @param id            unique per email: {@code <event id>/<account id>/<kind>} for an email about one
 *                      event, so that a redelivered event finds the email it already sent
 * @param accountId     the recipient
 * @param kind          what it is, and so its template
 * @param causeEventIds the events it tells of
 * @param values        the template's own values
 * @param to            where to send it instead of the account's address: a new address it asked to
 *                      move to, which only this email's link can confirm; null for the account's own
 */
public record Notification(
        String id, UUID accountId, NotificationKind kind, List<String> causeEventIds, Map<String, ?> values, String to) {

    /** An email to the account's own address. */
    public Notification(String id, UUID accountId, NotificationKind kind, List<String> causeEventIds, Map<String, ?> values) {
        this(id, accountId, kind, causeEventIds, values, null);
    }

    /** The email of {@code kind} about one event, to {@code address} rather than the account's own. */
    public static Notification aboutTo(String eventId, UUID accountId, NotificationKind kind, String address,
            Map<String, ?> values) {
        return new Notification(eventId + "/" + accountId + "/" + kind.key(), accountId, kind, List.of(eventId), values, address);
    }

    /** The email of {@code kind} about one event. */
    public static Notification about(String eventId, UUID accountId, NotificationKind kind, Map<String, ?> values) {
        return new Notification(eventId + "/" + accountId + "/" + kind.key(), accountId, kind, List.of(eventId), values);
    }
}
