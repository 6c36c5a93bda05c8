package org.cameraregistry.notification.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.cameraregistry.testkit.AllAtOnce;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the live-access digests need of MongoDB, on every server it may meet. An owner's notices are
 * keyed by their grant, so they arrive on several partitions, read by several threads and instances
 * at once.
 */
abstract class LiveAccessDigestsContract {

    private static final int LISTENERS = 8;
    private static final Duration WINDOW = Duration.ofHours(1);
    private static final Instant LATER = Instant.now().plus(Duration.ofDays(1));

    private MongoDatabase database;
    private LiveAccessDigests digests;

    protected abstract MongoDatabase freshDatabase();

    @BeforeEach
    void prepare() {
        database = freshDatabase();
        digests = new LiveAccessDigests(database, Clock.systemUTC());
    }

    @Test
    void noticesOfOneOwnerAddedAtOnceJoinOneWindow() {
        for (int round = 0; round < 10; round++) {
            UUID owner = UUID.randomUUID();
            List<Callable<Void>> work = new ArrayList<>();
            for (int each = 0; each < LISTENERS; each++) {
                LiveAccessNotice notice = notice();
                work.add(() -> {
                    digests.add(owner, notice, WINDOW);
                    return null;
                });
            }

            AllAtOnce.call(work);

            assertThat(digestsOf(owner, digests)).as("round %d", round).singleElement()
                    .satisfies(digest -> assertThat(digest.notices()).hasSize(LISTENERS));
        }
    }

    @Test
    void oneNoticeDeliveredManyTimesAtOnceIsKeptOnce() {
        UUID owner = UUID.randomUUID();
        LiveAccessNotice notice = notice();

        AllAtOnce.call(LISTENERS, () -> {
            digests.add(owner, notice, WINDOW);
            return null;
        });

        assertThat(digests.waiting(owner)).isEqualTo(1);
    }

    @Test
    void aNoticeAfterTheWindowIsDueOpensTheNextWhichTellingTheFirstLeaves() {
        UUID owner = UUID.randomUUID();
        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        new LiveAccessDigests(database, twoHoursAgo).add(owner, notice(), WINDOW);
        LiveAccessDigests.Digest due = digestsOf(owner, digests).getFirst();

        digests.add(owner, notice(), WINDOW);
        digests.told(due);

        assertThat(digestsOf(owner, digests)).singleElement().satisfies(next -> {
            assertThat(next.dueAt()).isAfter(due.dueAt().plus(WINDOW));
            assertThat(next.notices()).hasSize(1);
        });
    }

    private static List<LiveAccessDigests.Digest> digestsOf(UUID owner, LiveAccessDigests digests) {
        return digests.due(LATER, 10_000).stream().filter(digest -> digest.ownerId().equals(owner)).toList();
    }

    private static LiveAccessNotice notice() {
        Instant opened = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return new LiveAccessNotice(UUID.randomUUID().toString(), UUID.randomUUID(), "dallas-pd", null, opened,
                opened.plus(Duration.ofMinutes(30)));
    }
}
