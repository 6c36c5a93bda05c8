package org.cameraregistry.bench.geo;

import java.util.ArrayList;
import java.util.List;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.geo.index.CameraIndex;
import org.cameraregistry.geo.index.IndexedCamera;

/** geo-search's index over the benchmark's cameras, loaded in batches as the service loads its collection. */
final class CameraIndexes {

    private static final int BATCH = 10_000;

    private CameraIndexes() {
    }

    static CameraIndex of(CameraPlaces places, double farthestMeters) {
        CameraIndex index = new CameraIndex(farthestMeters);
        List<IndexedCamera> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < places.size(); i++) {
            batch.add(new IndexedCamera(places.ids[i], 1, places.lat[i], places.lon[i],
                    i % 3 == 0 ? CameraLevel.LEVEL_2 : CameraLevel.LEVEL_1));
            if (batch.size() == BATCH) {
                index.applyAll(batch);
                batch.clear();
            }
        }
        index.applyAll(batch);
        return index;
    }
}
