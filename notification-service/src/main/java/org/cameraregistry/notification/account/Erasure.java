package org.cameraregistry.notification.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.cameraregistry.notification.delivery.AwaitingAccountException;
import org.cameraregistry.notification.delivery.DeliveryRecords;
import org.cameraregistry.notification.delivery.Notification;
import org.cameraregistry.notification.delivery.NotificationKind;
import org.cameraregistry.notification.delivery.Notifier;
import org.cameraregistry.notification.delivery.RetriesSpentException;
import org.cameraregistry.notification.delivery.Suppressions;
import org.cameraregistry.notification.digest.LiveAccessDigests;
import org.cameraregistry.notification.preference.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Forgets an erased account: first confirms the erasure to the address, then deletes the address,
 * the preferences, the suppressed addresses, the pending live-access notices and the delivery
 * records that name the account, keeping only the marker that it was erased (docs/adr/0009). The
 * deletion happens whether or not the confirmation could be sent: forgetting comes first.
 */
@Component
class Erasure {

    private static final Logger log = LoggerFactory.getLogger(Erasure.class);

    private final Notifier notifier;
    private final ContactStore contacts;
    private final Preferences preferences;
    private final Suppressions suppressions;
    private final DeliveryRecords deliveries;
    private final LiveAccessDigests digests;

    Erasure(Notifier notifier, ContactStore contacts, Preferences preferences, Suppressions suppressions,
            DeliveryRecords deliveries, LiveAccessDigests digests) {
        this.notifier = notifier;
        this.contacts = contacts;
        this.preferences = preferences;
        this.suppressions = suppressions;
        this.deliveries = deliveries;
        this.digests = digests;
    }

    void erase(String eventId, UUID accountId, Instant erasedAt) {
        try {
            notifier.send(Notification.about(eventId, accountId, NotificationKind.ACCOUNT_ERASED, Map.of()), Duration.ZERO);
        } catch (RetriesSpentException e) {
            log.warn("account {} erased without its confirmation: {}", accountId, e.getMessage());
        } catch (AwaitingAccountException e) {
            log.info("account {} erased; it had no contact details here", accountId);
        }
        // The marker first: from now on no email to the account is begun, so none is recorded after the forgetting.
        contacts.erase(accountId, erasedAt);
        preferences.forget(accountId);
        suppressions.forget(accountId);
        digests.forget(accountId);
        deliveries.forget(accountId);
        log.info("account {} forgotten", accountId);
    }
}
