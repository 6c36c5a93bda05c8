package org.cameraregistry.geo.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.cameraregistry.geo.index.CameraIndex;
import org.cameraregistry.geo.index.IndexedCamera;

/**
 * Keeps the in-memory index and its backing collection in step: a change is stored first, and
 * reaches the index only if the store took it as newer. When the store already holds this version
 * or a newer one, the index is brought up to what is stored: an earlier attempt may have stored the
 * change and then failed before reaching the index (a lost acknowledgement from MongoDB, say).
 */
public class CameraIndexer {

    private static final int LOAD_BATCH = 10_000;

    private final CameraStore store;
    private final CameraIndex index;
    private final AtomicBoolean loaded = new AtomicBoolean();

    public CameraIndexer(CameraStore store, CameraIndex index) {
        this.store = store;
        this.index = index;
    }

    /**
     * True if the camera was newer than what was held and is now in the index. An event the index
     * already holds (at this version or newer) changes nothing and is not even sent to the store:
     * the index holds only what the store accepted, so the store has it too. A new instance, which
     * reads the topics from their beginning, so passes over its history in memory.
     */
    public boolean index(IndexedCamera camera) {
        return index(camera, null);
    }

    /** As {@link #index(IndexedCamera)}, storing the camera's owner too where the event names one. */
    public boolean index(IndexedCamera camera, UUID ownerId) {
        if (index.holdsAtLeast(camera.id(), camera.version())) {
            return false;
        }
        if (store.save(camera, ownerId)) {
            return index.apply(camera);
        }
        catchUpWithStore(camera.id());
        return false;
    }

    /** True if the camera was held at an older version and is now gone from the index. */
    public boolean forget(UUID cameraId, long version) {
        if (index.holdsAtLeast(cameraId, version)) {
            return false;
        }
        if (store.remove(cameraId, version)) {
            return index.remove(cameraId, version);
        }
        catchUpWithStore(cameraId);
        return false;
    }

    private void catchUpWithStore(UUID cameraId) {
        store.find(cameraId).ifPresent(stored -> {
            if (stored.removed()) {
                index.remove(cameraId, stored.version());
            } else {
                index.apply(stored.camera());
            }
        });
    }

    /**
     * Loads every stored camera into the index. Events consumed meanwhile are safe: the index keeps
     * the newest version of each camera whichever arrives first.
     *
     * @return how many cameras were loaded
     */
    public int loadIndex() {
        AtomicInteger count = new AtomicInteger();
        // In batches: the index rebuilds each tile a batch touches once, not once per camera.
        List<IndexedCamera> batch = new ArrayList<>(LOAD_BATCH);
        store.forEachCamera(camera -> {
            batch.add(camera);
            count.incrementAndGet();
            if (batch.size() == LOAD_BATCH) {
                index.applyAll(batch);
                batch.clear();
            }
        });
        index.applyAll(batch);
        loaded.set(true);
        return count.get();
    }

    /** Whether the index holds every stored camera yet. */
    public boolean isLoaded() {
        return loaded.get();
    }
}
