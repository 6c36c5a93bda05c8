package org.cameraregistry.events.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cameraregistry.events.EventType;
import org.cameraregistry.events.Topics;

/**
 * An email reached the account holder's mail server. Names the account, never the address. Keyed by
 * {@code accountId}.
 *
 * @param notificationId the delivery, unique per email
 * @param accountId      the recipient
 * @param kind           what the email was, such as {@code account-verification} or {@code live-access-digest}
 * @param causeEventIds  the events it told of (a digest tells of several)
 * @param deliveredAt    when the mail server accepted it
 */
public record NotificationDelivered(
        String notificationId, UUID accountId, String kind, List<String> causeEventIds, Instant deliveredAt) {

    public static final EventType<NotificationDelivered> TYPE =
            new EventType<>(Topics.NOTIFICATION_DELIVERED, 1, NotificationDelivered.class);
}
