package org.cameraregistry.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private final RetrySchedule schedule = new RetrySchedule(5, Duration.ofSeconds(6));

    @Test
    void aFailedEventIsRetriedAfterASecondThenTwiceAsLongEachTimeUpToTheLongestBackoff() {
        assertThat(retryAt(1)).isEqualTo(NOW.plusSeconds(1));
        assertThat(retryAt(2)).isEqualTo(NOW.plusSeconds(2));
        assertThat(retryAt(3)).isEqualTo(NOW.plusSeconds(4));
        assertThat(retryAt(4)).isEqualTo(NOW.plusSeconds(6));
    }

    @Test
    void anEventIsParkedWithItsReasonOnceItHasFailedTheMostAttemptsAllowed() {
        Document entry = new Document("eventId", "e1");

        Outbox.Failure failure = schedule.afterFailure(5, "e1", entry, "InvalidTopicException: x", NOW);

        assertThat(failure).isEqualTo(new Outbox.Failure.Park("e1", entry, 5, "InvalidTopicException: x"));
    }

    @Test
    void manyFailuresNeverOverflowTheDelay() {
        RetrySchedule patient = new RetrySchedule(Integer.MAX_VALUE, Duration.ofSeconds(30));

        Outbox.Failure failure = patient.afterFailure(1_000, "e1", new Document(), "refused", NOW);

        assertThat(((Outbox.Failure.RetryLater) failure).at()).isEqualTo(NOW.plusSeconds(30));
    }

    private Instant retryAt(int attempts) {
        return ((Outbox.Failure.RetryLater) schedule.afterFailure(attempts, "e1", new Document(), "refused", NOW)).at();
    }
}
