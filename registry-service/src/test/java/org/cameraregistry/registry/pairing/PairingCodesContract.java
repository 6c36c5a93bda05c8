package org.cameraregistry.registry.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What pairing codes need of MongoDB, on the wire server and on a real MongoDB where Docker runs one. */
abstract class PairingCodesContract {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final UUID OWNER = UUID.randomUUID();

    private PairingCodes codes;

    protected abstract MongoDatabase freshDatabase();

    @BeforeEach
    void prepare() {
        codes = new PairingCodes(freshDatabase(), Duration.ofDays(1));
        codes.ensureIndexes();
    }

    @Test
    void aCodePairsOnceWhateverItsCaseAndDashes() {
        UUID camera = UUID.randomUUID();
        PairingCodes.Issued issued = codes.issue(camera, OWNER, NOW);

        assertThat(issued.code()).matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
        assertThat(issued.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(1)));
        assertThat(codes.redeem(issued.code().toLowerCase().replace("-", " "), NOW.plusSeconds(60)))
                .contains(new PairingCodes.Paired(camera, OWNER));
        assertThat(codes.redeem(issued.code(), NOW.plusSeconds(61))).as("used already").isEmpty();
    }

    @Test
    void aCodeDoesNotPairOnceExpiredOrReplacedOrForgottenWithItsOwner() {
        UUID camera = UUID.randomUUID();
        PairingCodes.Issued expiring = codes.issue(camera, OWNER, NOW);
        assertThat(codes.redeem(expiring.code(), NOW.plus(Duration.ofDays(1)).plusSeconds(1))).isEmpty();

        PairingCodes.Issued first = codes.issue(camera, OWNER, NOW);
        PairingCodes.Issued second = codes.issue(camera, OWNER, NOW);
        assertThat(codes.redeem(first.code(), NOW)).as("replaced by the second").isEmpty();

        codes.forgetOwner(OWNER);
        assertThat(codes.redeem(second.code(), NOW)).as("the owner was erased").isEmpty();
        assertThat(codes.redeem("ABCD-EFGH-JKMN", NOW)).as("never issued").isEmpty();
    }

    @Test
    void ofDevicesSendingOneCodeAtOnceExactlyOnePairs() throws Exception {
        int devices = 8;
        ExecutorService pool = Executors.newFixedThreadPool(devices);
        try {
            for (int round = 0; round < 20; round++) {
                UUID camera = UUID.randomUUID();
                String code = codes.issue(camera, OWNER, NOW).code();
                CyclicBarrier together = new CyclicBarrier(devices);
                List<Future<Boolean>> attempts = new ArrayList<>();
                for (int device = 0; device < devices; device++) {
                    attempts.add(pool.submit(() -> {
                        together.await();
                        return codes.redeem(code, NOW).isPresent();
                    }));
                }
                int paired = 0;
                for (Future<Boolean> attempt : attempts) {
                    paired += attempt.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }

                assertThat(paired).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
