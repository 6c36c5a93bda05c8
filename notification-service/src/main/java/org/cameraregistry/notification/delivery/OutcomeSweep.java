package org.cameraregistry.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the outcome events that a failure between recording a delivery and publishing its outcome
 * left behind (Kafka away, a crash): the delivery records are their outbox.
 */
@Component
class OutcomeSweep {

    private static final Logger log = LoggerFactory.getLogger(OutcomeSweep.class);
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final DeliveryRecords records;
    private final DeliveryOutcomes outcomes;
    private final Clock clock;

    OutcomeSweep(DeliveryRecords records, DeliveryOutcomes outcomes, Clock clock) {
        this.records = records;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
    void publishLeftBehind() {
        try {
            for (DeliveryRecords.Record record : records.unpublishedOutcomes(clock.instant().minus(GRACE), 200)) {
                outcomes.publish(record);
            }
        } catch (RuntimeException e) {
            log.warn("outcome events left behind not published yet: {}", e.toString());
        }
    }
}
