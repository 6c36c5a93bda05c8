package org.cameraregistry.registry.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.cameraregistry.events.camera.CameraDetails;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraView;
import org.cameraregistry.outbox.Outbox;
import org.cameraregistry.outbox.PendingEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the registry needs of MongoDB, run against every server it may meet: the embedded wire
 * server of the local stack and tests, and a real MongoDB where Docker runs one.
 */
abstract class CameraRepositoryContract {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30.123Z");
    private static final UUID OWNER = UUID.randomUUID();
    private static final int MAX_WAITING = 5;

    private MongoDatabase database;
    private CameraRepository repository;
    private Outbox outbox;

    protected abstract MongoDatabase freshDatabase();

    @BeforeEach
    void prepare() {
        database = freshDatabase();
        repository = new CameraRepository(database, MAX_WAITING);
        repository.ensureIndexes();
        outbox = repository.outbox();
    }

    @Test
    void aRegisteredCameraReadsBackWithEveryField() {
        Camera camera = new Camera(UUID.randomUUID(), OWNER, 1, new CameraDetails("Loading dock", 32.7767, -96.797,
                CameraLevel.LEVEL_2, 270, 90, Set.of(CameraView.PARKING, CameraView.STREET), true, 30, true), NOW, NOW);

        repository.insert(camera, event("camera-registered", camera.id()));

        assertThat(repository.findOwned(camera.id(), OWNER)).contains(camera);
    }

    @Test
    void aPausedCameraReadsBackPausedAndResumed() {
        Camera camera = aCamera("Porch");
        repository.insert(camera, event("camera-registered", camera.id()));
        Camera paused = camera.pausedAs(true, NOW);

        assertThat(repository.update(paused, 1, event("camera-paused", camera.id()))).isTrue();
        assertThat(repository.findOwned(camera.id(), OWNER)).contains(paused);
        Camera resumed = paused.pausedAs(false, NOW);
        assertThat(repository.update(resumed, 2, event("camera-resumed", camera.id()))).isTrue();
        assertThat(repository.findOwned(camera.id(), OWNER).orElseThrow().paused()).isFalse();
    }

    @Test
    void optionalDetailsLeftOutReadBackAsAbsent() {
        Camera camera = aCamera("Porch");

        repository.insert(camera, event("camera-registered", camera.id()));

        CameraDetails read = repository.findOwned(camera.id(), OWNER).orElseThrow().details();
        assertThat(read.facingDegrees()).isNull();
        assertThat(read.retentionDays()).isNull();
        assertThat(read.views()).isEmpty();
        assertThat(read.sharesPastFootage()).isFalse();
    }

    @Test
    void theEventOfARegistrationWaitsInTheOutbox() {
        Camera camera = aCamera("Porch");
        PendingEvent registered = event("camera-registered", camera.id());

        repository.insert(camera, registered);

        assertThat(waitingFor(camera.id())).containsExactly(registered);
    }

    @Test
    void anUpdateAppliesOnlyToTheVersionItWasBasedOn() {
        Camera camera = aCamera("Porch");
        repository.insert(camera, event("camera-registered", camera.id()));
        Camera renamed = camera.changeTo(withLabel(camera, "Back porch"), NOW.plusSeconds(1));

        assertThat(repository.update(renamed, 1, event("camera-updated", camera.id()))).isTrue();
        assertThat(repository.update(renamed.changeTo(withLabel(camera, "Lost"), NOW), 1,
                event("camera-updated", camera.id()))).isFalse();

        assertThat(repository.findOwned(camera.id(), OWNER)).contains(renamed);
        assertThat(waitingFor(camera.id())).hasSize(2);
    }

    @Test
    void anUpdateThatClearsOptionalDetailsRemovesThem() {
        Camera camera = new Camera(UUID.randomUUID(), OWNER, 1, new CameraDetails("Porch", 32.7, -96.8, CameraLevel.LEVEL_1,
                90, 60, Set.of(CameraView.STREET), false, 14, false), NOW, NOW);
        repository.insert(camera, event("camera-registered", camera.id()));
        Camera cleared = camera.changeTo(new CameraDetails("Porch", 32.7, -96.8, CameraLevel.LEVEL_1, null, null,
                Set.of(), false, null, false), NOW);

        repository.update(cleared, 1, event("camera-updated", camera.id()));

        assertThat(repository.findOwned(camera.id(), OWNER)).contains(cleared);
    }

    @Test
    void deletionKeepsOnlyTheIdAndItsEventUntilRelayedThenNothing() {
        Camera camera = aCamera("Porch");
        repository.insert(camera, event("camera-registered", camera.id()));
        PendingEvent deregistered = event("camera-deregistered", camera.id());

        assertThat(repository.delete(camera.id(), 1, 2, deregistered)).isTrue();

        assertThat(repository.findOwned(camera.id(), OWNER)).isEmpty();
        Document tombstone = raw(camera.id());
        assertThat(tombstone.keySet()).doesNotContain("label", "location", "level");
        assertThat(waitingFor(camera.id())).containsExactly(deregistered);

        acknowledgeAll();
        assertThat(raw(camera.id())).isNull();
    }

    @Test
    void aDeletedCameraCannotBeChangedOrDeletedAgain() {
        Camera camera = aCamera("Porch");
        repository.insert(camera, event("camera-registered", camera.id()));
        repository.delete(camera.id(), 1, 2, event("camera-deregistered", camera.id()));

        assertThat(repository.update(camera.changeTo(withLabel(camera, "Ghost"), NOW), 2,
                event("camera-updated", camera.id()))).isFalse();
        assertThat(repository.delete(camera.id(), 2, 3, event("camera-deregistered", camera.id()))).isFalse();
    }

    @Test
    void acknowledgingKeepsAnEventAppendedMeanwhileWaiting() {
        Camera camera = aCamera("Porch");
        repository.insert(camera, event("camera-registered", camera.id()));
        List<Outbox.Waiting> read = outbox.waiting(10, Instant.now());
        PendingEvent appendedMeanwhile = event("camera-updated", camera.id());
        repository.update(camera.changeTo(withLabel(camera, "Side"), NOW), 1, appendedMeanwhile);

        outbox.record(read.stream().map(Outbox.Waiting::allPublished).toList(), Instant.now());

        assertThat(waitingFor(camera.id())).containsExactly(appendedMeanwhile);
    }

    @Test
    void acknowledgedDocumentsNoLongerWait() {
        Camera first = aCamera("First");
        Camera second = aCamera("Second");
        repository.insert(first, event("camera-registered", first.id()));
        repository.insert(second, event("camera-registered", second.id()));

        acknowledgeAll();

        assertThat(outbox.waiting(10, Instant.now())).isEmpty();
        assertThat(outbox.waitingCount()).isZero();
        assertThat(repository.findOwned(first.id(), OWNER)).isPresent();
    }

    @Test
    void aCameraWhoseOutboxIsFullRefusesChangesUntilItsEventsAreOutButCanStillBeDeleted() {
        Camera camera = aCamera("Porch");
        repository.insert(camera, event("camera-registered", camera.id()));
        Camera current = camera;
        for (int change = 2; change <= MAX_WAITING; change++) {
            Camera changed = current.changeTo(withLabel(current, "Change " + change), NOW);
            assertThat(repository.update(changed, current.version(), event("camera-updated", camera.id()))).isTrue();
            current = changed;
        }
        Camera oneTooMany = current.changeTo(withLabel(current, "One too many"), NOW);

        assertThatThrownBy(() -> repository.update(oneTooMany, 5, event("camera-updated", camera.id())))
                .isInstanceOf(OutboxFullException.class);
        assertThat(repository.update(oneTooMany, 4, event("camera-updated", camera.id()))).isFalse();
        assertThat(waitingFor(camera.id())).hasSize(MAX_WAITING);

        acknowledgeAll();
        assertThat(repository.update(oneTooMany, 5, event("camera-updated", camera.id()))).isTrue();
        assertThat(repository.delete(camera.id(), 6, 7, event("camera-deregistered", camera.id()))).isTrue();
    }

    @Test
    void aReferenceNamesOneCameraOfItsOwnerAndIsFreedWhenTheCameraIsDeleted() {
        Camera first = aCamera("Dock 1");
        Camera again = aCamera("Dock 1 again");
        Camera anotherOwners = new Camera(UUID.randomUUID(), UUID.randomUUID(), 1, first.details(), NOW, NOW);

        assertThat(repository.insertReferenced(first, "dock-1", event("camera-registered", first.id()))).isTrue();
        assertThat(repository.insertReferenced(again, "dock-1", event("camera-registered", again.id()))).isFalse();
        assertThat(repository.insertReferenced(anotherOwners, "dock-1", event("camera-registered", anotherOwners.id())))
                .as("another owner's reference").isTrue();
        assertThat(repository.findReferenced(OWNER, "dock-1")).contains(first);
        assertThat(repository.findReferenced(OWNER, "dock-2")).isEmpty();
        Camera unreferenced = aCamera("Porch");
        repository.insert(unreferenced, event("camera-registered", unreferenced.id()));
        Camera alsoUnreferenced = aCamera("Porch 2");
        repository.insert(alsoUnreferenced, event("camera-registered", alsoUnreferenced.id()));

        Camera changed = first.changeTo(withLabel(first, "Dock 1, moved"), NOW);
        assertThat(repository.update(changed, 1, event("camera-updated", first.id()))).isTrue();
        assertThat(repository.findReferenced(OWNER, "dock-1")).as("kept through a change").contains(changed);
        assertThat(repository.delete(first.id(), 2, 3, event("camera-deregistered", first.id()))).isTrue();

        assertThat(repository.findReferenced(OWNER, "dock-1")).isEmpty();
        assertThat(repository.insertReferenced(again, "dock-1", event("camera-registered", again.id()))).isTrue();
    }

    @Test
    void ofConcurrentInsertsUnderOneReferenceExactlyOneApplies() throws Exception {
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (int round = 0; round < 20; round++) {
                String reference = "gate-" + round;
                CyclicBarrier together = new CyclicBarrier(writers);
                List<Future<Boolean>> attempts = new ArrayList<>();
                for (int writer = 0; writer < writers; writer++) {
                    Camera camera = aCamera("Writer " + writer);
                    attempts.add(pool.submit(() -> {
                        together.await();
                        return repository.insertReferenced(camera, reference, event("camera-registered", camera.id()));
                    }));
                }
                int applied = 0;
                for (Future<Boolean> attempt : attempts) {
                    applied += attempt.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }

                assertThat(applied).as("round %d", round).isEqualTo(1);
                assertThat(database.getCollection("cameras").countDocuments(Filters.eq("importKey", OWNER + " " + reference)))
                        .isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ofConcurrentChangesBasedOnTheSameVersionExactlyOneApplies() throws Exception {
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (int round = 0; round < 20; round++) {
                Camera camera = aCamera("Porch");
                repository.insert(camera, event("camera-registered", camera.id()));
                CyclicBarrier together = new CyclicBarrier(writers);
                List<Future<Boolean>> attempts = new ArrayList<>();
                for (int writer = 0; writer < writers; writer++) {
                    Camera changed = camera.changeTo(withLabel(camera, "Writer " + writer), NOW);
                    boolean delete = writer == 0;
                    attempts.add(pool.submit(() -> {
                        together.await();
                        return delete
                                ? repository.delete(camera.id(), 1, 2, event("camera-deregistered", camera.id()))
                                : repository.update(changed, 1, event("camera-updated", camera.id()));
                    }));
                }
                List<Integer> applied = new ArrayList<>();
                for (int writer = 0; writer < writers; writer++) {
                    if (attempts.get(writer).get(30, TimeUnit.SECONDS)) {
                        applied.add(writer);
                    }
                }

                assertThat(applied).as("round %d", round).hasSize(1);
                int winner = applied.getFirst();
                if (winner == 0) {
                    assertThat(repository.findOwned(camera.id(), OWNER)).isEmpty();
                    assertThat(waitingFor(camera.id())).extracting(PendingEvent::topic).containsExactly("camera-deregistered");
                } else {
                    assertThat(repository.findOwned(camera.id(), OWNER).orElseThrow().details().label()).isEqualTo("Writer " + winner);
                    assertThat(waitingFor(camera.id())).extracting(PendingEvent::topic)
                            .containsExactly("camera-registered", "camera-updated");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private List<PendingEvent> waitingFor(UUID id) {
        return outbox.waiting(100, Instant.now()).stream()
                .filter(document -> document.documentId().equals(id))
                .flatMap(document -> document.events().stream())
                .toList();
    }

    private void acknowledgeAll() {
        outbox.record(outbox.waiting(100, Instant.now()).stream().map(Outbox.Waiting::allPublished).toList(),
                Instant.now());
    }

    private Document raw(UUID id) {
        return database.getCollection("cameras").find(Filters.eq("_id", id)).first();
    }

    private static Camera aCamera(String label) {
        return new Camera(UUID.randomUUID(), OWNER, 1, new CameraDetails(label, 32.78, -96.8, CameraLevel.LEVEL_1, null, null,
                Set.of(), false, null, false), NOW, NOW);
    }

    private static CameraDetails withLabel(Camera camera, String label) {
        CameraDetails details = camera.details();
        return new CameraDetails(label, details.latitude(), details.longitude(), details.level(),
                details.facingDegrees(), details.fieldOfViewDegrees(), details.views(), details.recordsAudio(),
                details.retentionDays(), details.sharesPastFootage());
    }

    private static PendingEvent event(String topic, UUID id) {
        return new PendingEvent(UUID.randomUUID().toString(), topic, id.toString(), "{}",
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}
