package org.cameraregistry.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One relay per outbox among several instances, on the wire server and on a real MongoDB. */
abstract class RelayLeaseContract {

    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private MongoDatabase database;

    protected abstract MongoDatabase freshDatabase();

    @BeforeEach
    void prepare() {
        database = freshDatabase();
    }

    @Test
    void oneInstanceHoldsTheLeaseAndRenewsIt() {
        RelayLease first = lease("cameras", "first", NOW);
        RelayLease second = lease("cameras", "second", NOW);

        assertThat(first.acquire()).isTrue();
        assertThat(second.acquire()).isFalse();
        assertThat(first.acquire()).as("renewed").isTrue();
        assertThat(second.holder()).isEqualTo("first");
    }

    @Test
    void anotherInstanceTakesOverOnceTheLeaseExpires() {
        lease("cameras", "first", NOW).acquire();

        assertThat(lease("cameras", "second", NOW.plus(LEASE).minusMillis(1)).acquire()).isFalse();
        assertThat(lease("cameras", "second", NOW.plus(LEASE)).acquire()).isTrue();
        assertThat(lease("cameras", "first", NOW.plus(LEASE)).acquire()).as("the first lost it").isFalse();
    }

    @Test
    void aReleasedLeaseIsTakenAtOnce() {
        RelayLease first = lease("cameras", "first", NOW);
        first.acquire();

        first.release();

        assertThat(lease("cameras", "second", NOW).acquire()).isTrue();
    }

    @Test
    void eachOutboxHasALeaseOfItsOwn() {
        assertThat(lease("cameras", "first", NOW).acquire()).isTrue();
        assertThat(lease("devices", "second", NOW).acquire()).isTrue();
    }

    @Test
    void ofInstancesAcquiringAtTheSameMomentExactlyOneHoldsTheLease() throws Exception {
        int instances = 6;
        ExecutorService threads = Executors.newFixedThreadPool(instances);
        try {
            for (int round = 0; round < 30; round++) {
                String outbox = "outbox-" + round;
                CyclicBarrier together = new CyclicBarrier(instances);
                List<Future<Boolean>> attempts = new ArrayList<>();
                for (int instance = 0; instance < instances; instance++) {
                    RelayLease lease = lease(outbox, "instance-" + instance, NOW);
                    attempts.add(threads.submit(() -> {
                        together.await();
                        return lease.acquire();
                    }));
                }
                int holders = 0;
                for (Future<Boolean> attempt : attempts) {
                    holders += attempt.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }

                assertThat(holders).as("round %d", round).isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private RelayLease lease(String outbox, String instance, Instant now) {
        return new RelayLease(database, outbox, instance, LEASE, Clock.fixed(now, ZoneOffset.UTC));
    }
}
