package org.cameraregistry.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
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
    private ExecutorService senders;

    protected abstract MongoDatabase freshDatabase();

    @BeforeEach
    void prepare() {
        database = freshDatabase();
        records = new DeliveryRecords(database, Clock.systemUTC());
        senders = Executors.newFixedThreadPool(SENDERS);
    }

    @AfterEach
    void stopSenders() throws InterruptedException {
        senders.shutdownNow();
        assertThat(senders.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void ofManyConcurrentClaimsOfOneEmailExactlyOneWins() throws Exception {
        for (int round = 0; round < 20; round++) {
            Notification email = notification();

            List<DeliveryRecords.Claim> claims = claimTogether(records, email);

            assertThat(claims).as("round %d", round).filteredOn(DeliveryRecords.Claim::claimed).hasSize(1);
        }
    }

    @Test
    void ofManyConcurrentTakeOversOfAnAbandonedClaimExactlyOneWins() throws Exception {
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

    private List<DeliveryRecords.Claim> claimTogether(DeliveryRecords claimer, Notification email) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<DeliveryRecords.Claim>> work = new ArrayList<>();
        for (int sender = 0; sender < SENDERS; sender++) {
            work.add(() -> {
                start.await();
                return claimer.claim(email, LEASE);
            });
        }
        List<Future<DeliveryRecords.Claim>> running = new ArrayList<>();
        work.forEach(task -> running.add(senders.submit(task)));
        start.countDown();
        List<DeliveryRecords.Claim> claims = new ArrayList<>();
        for (Future<DeliveryRecords.Claim> task : running) {
            claims.add(task.get(30, TimeUnit.SECONDS));
        }
        return claims;
    }

    private static Notification notification() {
        return Notification.about(UUID.randomUUID().toString(), UUID.randomUUID(), NotificationKind.ACCOUNT_VERIFICATION,
                Map.of());
    }
}
