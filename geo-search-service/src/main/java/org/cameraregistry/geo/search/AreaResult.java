package org.cameraregistry.geo.search;

import java.util.List;
import java.util.UUID;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraView;
import org.cameraregistry.geo.index.AreaMatches;
import org.cameraregistry.geo.index.FoundCamera;

/**
 * The cameras a box or polygon search found: at most its {@code limit}, from the south-west, and
 * {@code total}, how many there are; {@code complete} is false when the limit left some out, which
 * is when a map should ask for clusters instead.
 */
record AreaResult(List<Hit> cameras, int total, boolean complete) {

    static AreaResult of(AreaMatches found) {
        return new AreaResult(found.cameras().stream().map(Hit::of).toList(), found.total(),
                found.cameras().size() == found.total());
    }

    record Hit(UUID id, double latitude, double longitude, CameraLevel level, List<CameraView> views) {

        static Hit of(FoundCamera camera) {
            return new Hit(camera.id(), camera.latitude(), camera.longitude(), camera.level(),
                    SearchResult.inOrder(camera.views()));
        }
    }
}
