package org.cameraregistry.geo.incident;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bson.Document;
import org.cameraregistry.outbox.PendingEvent;
import org.cameraregistry.testkit.AllAtOnce;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What locating incidents needs of MongoDB, on every server it may meet: a state is recorded with
 * its event in one conditional write, only when it is later than the one stored. The declared and
 * updated topics are consumed by two listener threads, and a redelivery may race a later state.
 */
abstract class IncidentStoreContract {

    private static final int WRITERS = 8;
    private static final Instant DECLARED = Instant.parse("2026-12-06T04:00:00Z");

    private MongoDatabase database;
    private IncidentStore store;

    protected abstract MongoDatabase freshDatabase();

    @BeforeEach
    void prepare() {
        database = freshDatabase();
        store = new IncidentStore(database);
        store.ensureIndexes();
    }

    @Test
    void aLaterStateIsRecordedWithItsEventAndAnEarlierOrTheSameOneIsNot() {
        String incident = "incident-" + UUID.randomUUID();
        PendingEvent first = event(incident);
        PendingEvent later = event(incident);
        PendingEvent same = event(incident);
        PendingEvent earlier = event(incident);

        assertThat(store.record(state(incident, 10), 300, 4, first)).isTrue();
        assertThat(store.record(state(incident, 20), 300, 6, later)).isTrue();
        assertThat(store.record(state(incident, 20), 300, 6, same)).isFalse();
        assertThat(store.record(state(incident, 5), 300, 2, earlier)).isFalse();

        assertThat(store.holdsAtLeast(state(incident, 20))).isTrue();
        assertThat(store.holdsAtLeast(state(incident, 21))).isFalse();
        assertThat(waitingEvents(incident)).containsExactly(first.eventId(), later.eventId());
        assertThat(stored(incident).getInteger("cameras")).isEqualTo(6);
    }

    @Test
    void ofManyConcurrentStatesTheLatestIsStoredAndOnlyTheRecordedOnesWaitToBePublished() {
        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            String incident = "incident-" + UUID.randomUUID();
            int latest = 4 * WRITERS;
            List<Integer> seconds = new ArrayList<>();
            for (int second = 1; second <= latest; second++) {
                seconds.add(second);
            }
            Collections.shuffle(seconds, random);
            ConcurrentLinkedQueue<String> recorded = new ConcurrentLinkedQueue<>();
            List<Callable<Boolean>> work = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                List<Integer> mine = seconds.subList(writer * 4, writer * 4 + 4);
                work.add(() -> {
                    for (int second : mine) {
                        PendingEvent located = event(incident);
                        if (store.record(state(incident, second), 300, second, located)) {
                            recorded.add(located.eventId());
                        }
                    }
                    return true;
                });
            }

            AllAtOnce.call(work);

            Document stored = stored(incident);
            assertThat(stored.getDate("asOf").toInstant()).as("round %d", round).isEqualTo(DECLARED.plusSeconds(latest));
            assertThat(stored.getInteger("cameras")).isEqualTo(latest);
            assertThat(waitingEvents(incident)).as("round %d", round).containsExactlyInAnyOrderElementsOf(recorded);
        }
    }

    private static IncidentState state(String incident, int secondsAfterDeclared) {
        return new IncidentState(incident, "dallas", "ROBBERY", 32.7767, -96.797, null,
                DECLARED.plusSeconds(secondsAfterDeclared));
    }

    private static PendingEvent event(String incident) {
        return new PendingEvent(UUID.randomUUID().toString(), "incident-cameras-located", incident, "{}", Instant.now());
    }

    private Document stored(String incident) {
        return database.getCollection("incidents").find(eq("_id", incident)).first();
    }

    private List<String> waitingEvents(String incident) {
        return stored(incident).getList("outbox", Document.class).stream().map(event -> event.getString("eventId")).toList();
    }
}
