package org.cameraregistry.notification.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.cameraregistry.notification.NotificationProperties;
import org.cameraregistry.notification.delivery.AwaitingAccountException;
import org.cameraregistry.notification.delivery.DeliveryInProgressException;
import org.cameraregistry.notification.delivery.Notification;
import org.cameraregistry.notification.delivery.NotificationKind;
import org.cameraregistry.notification.delivery.Notifier;
import org.cameraregistry.notification.delivery.DeliveryInterruptedException;
import org.cameraregistry.notification.delivery.RetriesSpentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends each digest once its window is due. Every instance looks; the delivery record lets one of
 * them send it. A digest whose sending fails stays and is tried again at the next look; one whose
 * owner is still unknown after a day is dropped.
 */
@Component
class DigestSender {

    private static final Logger log = LoggerFactory.getLogger(DigestSender.class);
    /** A notice joining a window at the moment it is due is given this long to be stored before the window is read. */
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final Duration UNKNOWN_OWNER_LIMIT = Duration.ofDays(1);
    private static final int BATCH = 500;

    private final LiveAccessDigests digests;
    private final Notifier notifier;
    private final NotificationProperties properties;
    private final Clock clock;

    DigestSender(LiveAccessDigests digests, Notifier notifier, NotificationProperties properties, Clock clock) {
        this.digests = digests;
        this.notifier = notifier;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${notification.digest.poll:PT5S}")
    void sendDueDigests() {
        Instant now = clock.instant();
        for (LiveAccessDigests.Digest digest : digests.due(now.minus(SETTLE), BATCH)) {
            Notification notification = new Notification(digest.notificationId(), digest.ownerId(),
                    NotificationKind.LIVE_ACCESS_OPENED,
                    digest.notices().stream().map(LiveAccessNotice::eventId).toList(),
                    Map.of("notices", digest.notices()));
            try {
                notifier.send(notification, properties.delivery().claimLease());
                digests.told(digest);
            } catch (AwaitingAccountException e) {
                if (digest.dueAt().isBefore(now.minus(UNKNOWN_OWNER_LIMIT))) {
                    log.warn("live-access digest {} dropped: its owner is unknown here", digest.notificationId());
                    digests.told(digest);
                }
            } catch (DeliveryInProgressException e) {
                // Another instance is sending it.
            } catch (RetriesSpentException | DeliveryInterruptedException e) {
                log.warn("live-access digest {} not sent yet: {}", digest.notificationId(), e.getMessage());
            } catch (RuntimeException e) {
                log.warn("live-access digest {} not sent yet", digest.notificationId(), e);
            }
        }
    }
}
