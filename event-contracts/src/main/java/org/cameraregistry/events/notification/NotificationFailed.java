package org.cameraregistry.events.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cameraregistry.events.EventType;
import org.cameraregistry.events.Topics;

/**
 * An email could not be delivered. Names the account, never the address, and says why with a code, not
 * the mail server's words (which often quote the address). Keyed by {@code accountId}.
 *
 * @param notificationId the delivery
 * @param accountId      the recipient
 * @param kind           what the email was
 * @param causeEventIds  the events it told of
 * @param reason         {@code address-rejected} (the mail server refused the address for good),
 *                       {@code address-invalid} (not an address that can be sent to),
 *                       {@code address-suppressed} (an earlier rejection: nothing was sent) or
 *                       {@code retries-spent} (the mail server kept failing; the event is dead-lettered)
 * @param permanent      whether the address is now on the suppression list: no email reaches it until
 *                       the account holder gives a new one
 * @param failedAt       when it failed
 */
public record NotificationFailed(
        String notificationId,
        UUID accountId,
        String kind,
        List<String> causeEventIds,
        String reason,
        boolean permanent,
        Instant failedAt) {

    public static final EventType<NotificationFailed> TYPE =
            new EventType<>(Topics.NOTIFICATION_FAILED, 1, NotificationFailed.class);
}
