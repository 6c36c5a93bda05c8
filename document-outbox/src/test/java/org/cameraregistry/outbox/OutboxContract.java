package org.cameraregistry.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the outbox needs of MongoDB, on the wire server and on a real MongoDB where Docker runs one. */
abstract class OutboxContract {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private MongoCollection<Document> aggregates;
    private Outbox outbox;

    protected abstract MongoDatabase freshDatabase();

    @BeforeEach
    void prepare() {
        aggregates = freshDatabase().getCollection("aggregates");
        outbox = new Outbox(aggregates);
        outbox.ensureIndexes();
    }

    @Test
    void aDocumentWaitsUntilItsEventsArePublished() {
        PendingEvent first = event();
        Object id = store(first, event());

        List<Outbox.Waiting> waiting = outbox.waiting(10, NOW);
        assertThat(waiting).singleElement().satisfies(document -> assertThat(document.events()).startsWith(first));
        outbox.record(List.of(waiting.getFirst().allPublished()), NOW);

        assertThat(outbox.waiting(10, NOW)).isEmpty();
        assertThat(outbox.waitingCount()).isZero();
        assertThat(aggregates.find(Filters.eq("_id", id)).first()).isNotNull();
    }

    @Test
    void aDocumentWhoseEventFailedWaitsUntilItsRetryTimeWhileTheOthersAreDue() {
        PendingEvent failing = event();
        Object failed = store(failing);
        Object other = store(event());

        outbox.record(List.of(new Outbox.Outcome(failed, false, 1, List.of(),
                new Outbox.Failure.RetryLater(1, "refused", NOW.plusSeconds(30)))), NOW);

        assertThat(outbox.waiting(10, NOW)).extracting(Outbox.Waiting::documentId).containsExactly(other);
        assertThat(outbox.waiting(10, NOW.plusSeconds(30))).extracting(Outbox.Waiting::documentId)
                .containsExactlyInAnyOrder(failed, other);
        assertThat(outbox.waiting(10, NOW.plusSeconds(30)).stream().filter(w -> w.documentId().equals(failed))
                .findFirst().orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void publishedEventsLeaveAndTheFirstFailureIsCountedWithoutLosingTheRest() {
        PendingEvent published = event();
        PendingEvent failing = event();
        PendingEvent after = event();
        Object id = store(published, failing, after);

        outbox.record(List.of(new Outbox.Outcome(id, false, 3, List.of(published.eventId()),
                new Outbox.Failure.RetryLater(1, "refused", NOW.plusSeconds(1)))), NOW);

        assertThat(outbox.waiting(10, NOW.plusSeconds(1)).getFirst().events()).containsExactly(failing, after);
    }

    @Test
    void aParkedEventLeavesTheQueueWithItsReasonAndARequeueBringsItBackOnce() {
        PendingEvent poison = event();
        PendingEvent next = event();
        Object id = store(poison, next);
        Document entry = rawEntries(id).getFirst();

        outbox.record(List.of(new Outbox.Outcome(id, false, 2, List.of(),
                new Outbox.Failure.Park(poison.eventId(), entry, 3, "InvalidTopicException: bad name"))), NOW);

        assertThat(outbox.waiting(10, NOW).getFirst().events()).containsExactly(next);
        assertThat(outbox.parked(10)).singleElement().satisfies(parked -> {
            assertThat(parked.eventId()).isEqualTo(poison.eventId());
            assertThat(parked.reason()).isEqualTo("InvalidTopicException: bad name");
            assertThat(parked.attempts()).isEqualTo(3);
            assertThat(parked.parkedAt()).isEqualTo(NOW);
        });
        assertThat(outbox.parkedCount()).isEqualTo(1);

        assertThat(outbox.requeue(poison.eventId())).isTrue();
        assertThat(outbox.requeue(poison.eventId())).isFalse();

        assertThat(outbox.parked(10)).isEmpty();
        assertThat(outbox.waiting(10, NOW).getFirst().events()).containsExactly(next, poison);
    }

    @Test
    void twoOperatorsRequeueingTheSameEventAtOnceQueueItOnce() throws Exception {
        ExecutorService operators = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 50; round++) {
                PendingEvent poison = event();
                Object id = store(poison);
                outbox.record(List.of(new Outbox.Outcome(id, false, 1, List.of(),
                        new Outbox.Failure.Park(poison.eventId(), rawEntries(id).getFirst(), 1, "refused"))), NOW);
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Boolean>> requeues = new ArrayList<>();
                for (int operator = 0; operator < 2; operator++) {
                    requeues.add(operators.submit(() -> {
                        together.await();
                        return outbox.requeue(poison.eventId());
                    }));
                }
                int requeued = 0;
                for (Future<Boolean> requeue : requeues) {
                    requeued += requeue.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }

                assertThat(requeued).as("round %d", round).isEqualTo(1);
                assertThat(rawEntries(id)).hasSize(1);
            }
        } finally {
            operators.shutdownNow();
        }
    }

    @Test
    void anEventAppendedWhileItsDocumentIsAcknowledgedIsNeverLost() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 50; round++) {
                PendingEvent published = event();
                PendingEvent appended = event();
                Object id = store(published);
                List<Outbox.Waiting> read = outbox.waiting(10, NOW);
                CyclicBarrier together = new CyclicBarrier(2);
                Future<?> relay = writers.submit(() -> {
                    together.await();
                    outbox.record(read.stream().filter(document -> document.documentId().equals(id))
                            .map(Outbox.Waiting::allPublished).toList(), NOW);
                    return null;
                });
                Future<?> writer = writers.submit(() -> {
                    together.await();
                    aggregates.updateOne(Filters.eq("_id", id), Outbox.append(appended));
                    return null;
                });
                relay.get(30, TimeUnit.SECONDS);
                writer.get(30, TimeUnit.SECONDS);

                assertThat(rawEntries(id)).as("round %d", round).extracting(entry -> entry.getString("eventId"))
                        .containsExactly(appended.eventId());
                assertThat(outbox.waiting(100, NOW)).as("still waiting, round %d", round)
                        .anySatisfy(document -> assertThat(document.documentId()).isEqualTo(id));
                outbox.record(List.of(outbox.waiting(100, NOW).stream().filter(document -> document.documentId().equals(id))
                        .findFirst().orElseThrow().allPublished()), NOW);
            }
        } finally {
            writers.shutdownNow();
        }
    }

    @Test
    void aTombstoneGoesOnlyOnceNothingWaitsAndNothingIsParked() {
        PendingEvent poison = event();
        Object id = UUID.randomUUID();
        aggregates.insertOne(Outbox.with(new Document("_id", id).append(Outbox.REMOVE_AFTER_RELAY, true), poison));

        outbox.record(List.of(new Outbox.Outcome(id, true, 1, List.of(),
                new Outbox.Failure.Park(poison.eventId(), rawEntries(id).getFirst(), 1, "refused"))), NOW);
        assertThat(aggregates.find(Filters.eq("_id", id)).first()).as("kept while parked").isNotNull();

        outbox.requeue(poison.eventId());
        outbox.record(List.of(outbox.waiting(10, NOW).getFirst().allPublished()), NOW);
        assertThat(aggregates.find(Filters.eq("_id", id)).first()).isNull();
    }

    @Test
    void aDocumentReplacedWholeWhileItsEventsWereRelayedKeepsTheReplacementsEvents() {
        PendingEvent registered = event();
        Object id = store(registered);
        Outbox.Waiting read = outbox.waiting(10, NOW).getFirst();
        // Deleted meanwhile: a tombstone with an outbox of the same length but another event.
        PendingEvent deregistered = event();
        aggregates.replaceOne(Filters.eq("_id", id),
                Outbox.with(new Document("_id", id).append(Outbox.REMOVE_AFTER_RELAY, true), deregistered));

        outbox.record(List.of(read.allPublished()), NOW);

        assertThat(outbox.waiting(10, NOW)).singleElement()
                .satisfies(waiting -> assertThat(waiting.events()).containsExactly(deregistered));
        outbox.record(List.of(outbox.waiting(10, NOW).getFirst().allPublished()), NOW);
        assertThat(aggregates.find(Filters.eq("_id", id)).first()).as("the tombstone, once relayed").isNull();
    }

    @Test
    void anEntryWithoutAnEventIdIsLabelledSoThatItCanBeParked() {
        Object id = store(event());
        aggregates.updateOne(Filters.eq("_id", id), Updates.push(Outbox.EVENTS, "not an event"));
        List<Object> entries = outbox.waiting(10, NOW).getFirst().entries();

        outbox.labelUnreadable(id, 1, entries.get(1));

        Document labelled = rawEntries(id).get(1);
        assertThat(labelled.getString("eventId")).isNotBlank();
        assertThat(labelled.get("unreadable")).isEqualTo("not an event");
    }

    @Test
    void theOldestWaitingEventIsKnown() {
        Instant anHourAgo = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.MILLIS);
        store(event());
        store(new PendingEvent(UUID.randomUUID().toString(), "t", "k", "{}", anHourAgo));

        assertThat(outbox.oldestWaitingSince()).contains(anHourAgo);
    }

    private Object store(PendingEvent... events) {
        UUID id = UUID.randomUUID();
        aggregates.insertOne(Outbox.with(new Document("_id", id), events[0]));
        for (int i = 1; i < events.length; i++) {
            aggregates.updateOne(Filters.eq("_id", id), Outbox.append(events[i]));
        }
        return id;
    }

    private List<Document> rawEntries(Object id) {
        return aggregates.find(Filters.eq("_id", id)).first().getList(Outbox.EVENTS, Document.class);
    }

    private static PendingEvent event() {
        return new PendingEvent(UUID.randomUUID().toString(), "camera-registered", UUID.randomUUID().toString(), "{}",
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}
