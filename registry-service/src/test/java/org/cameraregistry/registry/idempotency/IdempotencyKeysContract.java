package org.cameraregistry.registry.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One resource per idempotency key, on the wire server and on a real MongoDB where Docker runs one. */
abstract class IdempotencyKeysContract {

    private static final Duration LIFETIME = Duration.ofHours(24);
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private IdempotencyKeys keys;

    protected abstract MongoDatabase freshDatabase();

    @BeforeEach
    void prepare() {
        keys = new IdempotencyKeys(freshDatabase(), LIFETIME);
        keys.ensureIndexes();
    }

    @Test
    void aRepeatWithinTheLifetimeGetsTheFirstClaim() {
        UUID first = UUID.randomUUID();
        IdempotencyKeys.Claim claimed = keys.claim("key-1", "hash", first, NOW);

        IdempotencyKeys.Claim repeated = keys.claim("key-1", "hash", UUID.randomUUID(), NOW.plus(LIFETIME).minusMillis(1));

        assertThat(repeated).isEqualTo(claimed);
        assertThat(repeated.resourceId()).isEqualTo(first);
        assertThat(repeated.createdAt()).isEqualTo(NOW);
        assertThat(repeated.completed()).isFalse();
        assertThat(repeated.sameRequest("hash")).isTrue();
        assertThat(repeated.sameRequest("another")).isFalse();
    }

    @Test
    void aCompletedClaimSaysSo() {
        keys.claim("key-1", "hash", UUID.randomUUID(), NOW);

        keys.complete("key-1");

        assertThat(keys.claim("key-1", "hash", UUID.randomUUID(), NOW).completed()).isTrue();
    }

    @Test
    void anExpiredKeyMayBeUsedAgain() {
        keys.claim("key-1", "hash", UUID.randomUUID(), NOW);
        UUID later = UUID.randomUUID();

        IdempotencyKeys.Claim renewed = keys.claim("key-1", "other", later, NOW.plus(LIFETIME));

        assertThat(renewed.resourceId()).isEqualTo(later);
        assertThat(renewed.sameRequest("other")).isTrue();
    }

    @Test
    void concurrentRequestsWithOneKeyAllGetTheSameClaim() throws Exception {
        for (int round = 0; round < 30; round++) {
            assertThat(claimedTogether("key-" + round, NOW)).as("round %d", round).hasSize(1);
        }
    }

    @Test
    void concurrentRequestsWithAnExpiredKeyAllGetTheSameNewClaim() throws Exception {
        for (int round = 0; round < 30; round++) {
            UUID old = UUID.randomUUID();
            keys.claim("key-" + round, "hash", old, NOW);

            assertThat(claimedTogether("key-" + round, NOW.plus(LIFETIME).plusSeconds(1))).as("round %d", round)
                    .hasSize(1).doesNotContain(old);
        }
    }

    /** The resource ids that eight requests claiming {@code key} at the same moment got. */
    private Set<UUID> claimedTogether(String key, Instant at) throws Exception {
        int requests = 8;
        ExecutorService threads = Executors.newFixedThreadPool(requests);
        try {
            CyclicBarrier together = new CyclicBarrier(requests);
            List<Future<IdempotencyKeys.Claim>> claims = new ArrayList<>();
            for (int request = 0; request < requests; request++) {
                claims.add(threads.submit(() -> {
                    together.await();
                    return keys.claim(key, "hash", UUID.randomUUID(), at);
                }));
            }
            Set<UUID> claimed = new HashSet<>();
            for (Future<IdempotencyKeys.Claim> claim : claims) {
                claimed.add(claim.get(30, TimeUnit.SECONDS).resourceId());
            }
            return claimed;
        } finally {
            threads.shutdownNow();
        }
    }
}
