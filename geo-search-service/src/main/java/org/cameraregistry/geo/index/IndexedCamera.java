package org.cameraregistry.geo.index;

import java.util.Set;
import java.util.UUID;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraView;

/**
 * What the index holds of a camera: enough to find it, filter it and show it on a map.
 *
 * @param version the camera's version in the registry; the index keeps only the newest
 * @param views   what it looks at, as its owner said (empty when not said)
 */
public record IndexedCamera(UUID id, long version, double latitude, double longitude, CameraLevel level,
        Set<CameraView> views) {

    public IndexedCamera {
        views = Set.copyOf(views);
    }

    /** A camera whose views were not said. */
    public IndexedCamera(UUID id, long version, double latitude, double longitude, CameraLevel level) {
        this(id, version, latitude, longitude, level, Set.of());
    }
}
