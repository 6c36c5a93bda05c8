package org.cameraregistry.geo.camera;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.cameraregistry.geo.index.CameraIndex;
import org.cameraregistry.geo.index.IndexedCamera;

/**
 * Keeps the in-memory index and its backing collection in step: a change is stored first, and
 * reaches the index only if the store took it as newer.
 */
public class CameraIndexer {

    private final CameraStore store;
    private final CameraIndex index;
    private final AtomicBoolean loaded = new AtomicBoolean();

    public CameraIndexer(CameraStore store, CameraIndex index) {
        this.store = store;
        this.index = index;
    }

    /** True if the camera was newer than what was held and is now in the index. */
    public boolean index(IndexedCamera camera) {
        return store.save(camera) && index.apply(camera);
    }

    /** True if the camera was held at an older version and is now gone from the index. */
    public boolean forget(UUID cameraId, long version) {
        return store.remove(cameraId, version) && index.remove(cameraId, version);
    }

    /**
     * Loads every stored camera into the index. Events consumed meanwhile are safe: the index keeps
     * the newest version of each camera whichever arrives first.
     *
     * @return how many cameras were loaded
     */
    public int loadIndex() {
        AtomicInteger count = new AtomicInteger();
        store.forEachCamera(camera -> {
            index.apply(camera);
            count.incrementAndGet();
        });
        loaded.set(true);
        return count.get();
    }

    /** Whether the index holds every stored camera yet. */
    public boolean isLoaded() {
        return loaded.get();
    }
}
