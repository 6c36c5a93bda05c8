package org.cameraregistry.geo.search;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraView;
import org.cameraregistry.geo.index.NearbyCamera;

/** The cameras a search around a point found, nearest first. */
record SearchResult(List<Hit> cameras) {

    static SearchResult of(List<NearbyCamera> found) {
        return new SearchResult(found.stream().map(Hit::of).toList());
    }

    record Hit(UUID id, double latitude, double longitude, CameraLevel level, List<CameraView> views,
            double distanceMeters) {

        static Hit of(NearbyCamera nearby) {
            var camera = nearby.camera();
            // Decimetres: finer would claim a precision that owners' pins do not have.
            double distance = Math.round(nearby.distanceMeters() * 10) / 10.0;
            return new Hit(camera.id(), camera.latitude(), camera.longitude(), camera.level(), inOrder(camera.views()),
                    distance);
        }
    }

    /** Views in their declared order, so that answers read the same every time. */
    static List<CameraView> inOrder(Set<CameraView> views) {
        return views.stream().sorted().toList();
    }
}
