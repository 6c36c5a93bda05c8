package org.cameraregistry.outbox;

import java.time.Duration;
import java.time.Instant;
import org.bson.Document;

/**
 * When an event that Kafka refused is tried again: one second after its first failure, twice as
 * long after each further one, never longer than the relay's longest backoff; and after
 * {@code maxAttempts} failures, not again until an operator re-queues it.
 */
record RetrySchedule(int maxAttempts, Duration longest) {

    private static final Duration FIRST = Duration.ofSeconds(1);

    /** What follows the {@code attempts}-th failure of an event, at {@code now}. */
    Outbox.Failure afterFailure(int attempts, String eventId, Document entry, String reason, Instant now) {
        if (attempts >= maxAttempts) {
            return new Outbox.Failure.Park(eventId, entry, attempts, reason);
        }
        long delay = Math.min(FIRST.toMillis() << Math.min(attempts - 1, 20), longest.toMillis());
        return new Outbox.Failure.RetryLater(attempts, reason, now.plusMillis(delay));
    }
}
