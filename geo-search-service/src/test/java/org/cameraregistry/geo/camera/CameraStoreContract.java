package org.cameraregistry.geo.camera;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.geo.index.IndexedCamera;
import org.cameraregistry.testkit.AllAtOnce;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What geo-search needs of MongoDB, on every server it may meet: the embedded wire server and a
 * real MongoDB where Docker runs one. Events of one camera arrive on three topics, consumed by
 * three listener threads, so its versions may be written concurrently and in any order.
 */
abstract class CameraStoreContract {

    private static final int WRITERS = 8;

    private CameraStore store;

    protected abstract MongoDatabase freshDatabase();

    @BeforeEach
    void prepare() {
        store = new CameraStore(freshDatabase());
    }

    @Test
    void aSavedCameraReadsBack() {
        IndexedCamera camera = camera(UUID.randomUUID(), 1);

        assertThat(store.save(camera)).isTrue();

        assertThat(store.find(camera.id())).contains(new CameraStore.Stored(camera.id(), 1, camera));
    }

    @Test
    void anOlderOrEqualVersionIsNotSaved() {
        UUID id = UUID.randomUUID();
        store.save(camera(id, 3));

        assertThat(store.save(camera(id, 2))).isFalse();
        assertThat(store.save(camera(id, 3))).isFalse();

        assertThat(store.find(id).orElseThrow().version()).isEqualTo(3);
    }

    @Test
    void aRemovalKeepsOnlyTheIdAndVersionAndAnOlderSaveDoesNotUndoIt() {
        UUID id = UUID.randomUUID();
        store.save(camera(id, 1));

        assertThat(store.remove(id, 3)).isTrue();
        assertThat(store.save(camera(id, 2))).isFalse();

        CameraStore.Stored stored = store.find(id).orElseThrow();
        assertThat(stored.removed()).isTrue();
        assertThat(stored.version()).isEqualTo(3);
    }

    @Test
    void aRemovalOfACameraNeverSeenIsRemembered() {
        UUID id = UUID.randomUUID();

        assertThat(store.remove(id, 2)).isTrue();
        assertThat(store.save(camera(id, 1))).isFalse();

        assertThat(store.find(id).orElseThrow().removed()).isTrue();
    }

    @Test
    void everyCameraButTheRemovedOnesIsListed() {
        IndexedCamera kept = camera(UUID.randomUUID(), 1);
        UUID removed = UUID.randomUUID();
        store.save(kept);
        store.save(camera(removed, 1));
        store.remove(removed, 2);

        List<IndexedCamera> listed = new ArrayList<>();
        store.forEachCamera(listed::add);

        assertThat(listed).containsExactly(kept);
    }

    @Test
    void aRegistrationAndADeregistrationWrittenAtTheSameMomentLeaveTheCameraRemoved() {
        for (int i = 0; i < 100; i++) {
            UUID id = UUID.randomUUID();
            AllAtOnce.call(List.<Callable<Boolean>>of(
                    () -> store.save(camera(id, 1)),
                    () -> store.remove(id, 2)));

            CameraStore.Stored stored = store.find(id).orElseThrow();
            assertThat(stored.removed()).as("camera %d", i).isTrue();
            assertThat(stored.version()).isEqualTo(2);
        }
    }

    @Test
    void theNewestOfManyConcurrentWritesWinsWhetherItIsAChangeOrARemoval() {
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            UUID id = UUID.randomUUID();
            int newest = 4 * WRITERS;
            boolean newestRemoves = i % 2 == 0;
            List<Integer> versions = new ArrayList<>();
            for (int version = 1; version <= newest; version++) {
                versions.add(version);
            }
            Collections.shuffle(versions, random);
            List<Callable<Boolean>> work = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                List<Integer> mine = versions.subList(writer * 4, writer * 4 + 4);
                work.add(() -> {
                    for (int version : mine) {
                        if (version == newest && newestRemoves) {
                            store.remove(id, version);
                        } else {
                            store.save(camera(id, version));
                        }
                    }
                    return true;
                });
            }

            AllAtOnce.call(work);

            CameraStore.Stored stored = store.find(id).orElseThrow();
            assertThat(stored.version()).as("camera %d", i).isEqualTo(newest);
            assertThat(stored.removed()).isEqualTo(newestRemoves);
            if (!newestRemoves) {
                assertThat(stored.camera()).isEqualTo(camera(id, newest));
            }
        }
    }

    /** A camera whose place tells its version apart, so that a read shows which version won. */
    private static IndexedCamera camera(UUID id, long version) {
        return new IndexedCamera(id, version, 32.7 + version / 1000.0, -96.8, CameraLevel.LEVEL_1);
    }
}
