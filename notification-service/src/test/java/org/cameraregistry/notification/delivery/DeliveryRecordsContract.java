package org.cameraregistry.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cameraregistry.testkit.AllAtOnce;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the delivery records need of MongoDB, on every server it may meet: whatever number of
 * instances race to send one email, one of them claims it.
 */
abstract class DeliveryRecordsContract {

    private static final int SENDERS = 8;
    private static final Duration LEASE = Duration.ofMinutes(10);

    private MongoDatabase database;
    private DeliveryRecords records;

    protected abstract MongoDatabase freshDatabase();

    @BeforeEach
    void prepare() {
        database = freshDatabase();
        records = new DeliveryRecords(database, Clock.systemUTC());
    }

    @Test
    void ofManyConcurrentClaimsOfOneEmailExactlyOneWins() {
        for (int round = 0; round < 20; round++) {
            Notification email = notification();

            List<DeliveryRecords.Claim> claims = claimTogether(records, email);

            assertThat(claims).as("round %d", round).filteredOn(DeliveryRecords.Claim::claimed).hasSize(1);
        }
    }

    @Test
    void ofManyConcurrentTakeOversOfAnAbandonedClaimExactlyOneWins() {
        for (int round = 0; round < 20; round++) {
            Notification email = notification();
            Clock longAgo = Clock.fixed(Instant.now().minus(LEASE).minusSeconds(60), ZoneOffset.UTC);
            assertThat(new DeliveryRecords(database, longAgo).claim(email, LEASE).claimed()).isTrue();

            List<DeliveryRecords.Claim> claims = claimTogether(records, email);

            assertThat(claims).as("round %d", round).filteredOn(DeliveryRecords.Claim::claimed).hasSize(1);
        }
    }

    @Test
    void aFinishedEmailIsNeverClaimedAgainAndAReleasedOneIs() {
        Notification sent = notification();
        records.claim(sent, LEASE);
        records.sent(sent.id());

        DeliveryRecords.Claim again = records.claim(sent, Duration.ZERO);
        assertThat(again.claimed()).isFalse();
        assertThat(again.done().sent()).isTrue();

        Notification released = notification();
        records.claim(released, LEASE);
        records.release(released.id());
        assertThat(records.claim(released, LEASE).claimed()).isTrue();
    }

    private static List<DeliveryRecords.Claim> claimTogether(DeliveryRecords claimer, Notification email) {
        return AllAtOnce.call(SENDERS, () -> claimer.claim(email, LEASE));
    }

    private static Notification notification() {
        return Notification.about(UUID.randomUUID().toString(), UUID.randomUUID(), NotificationKind.ACCOUNT_VERIFICATION,
                Map.of());
    }
}
