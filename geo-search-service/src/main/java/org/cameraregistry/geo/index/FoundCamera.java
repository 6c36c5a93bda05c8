package org.cameraregistry.geo.index;

import java.util.Set;
import java.util.UUID;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraView;

/**
 * A camera as a search answers it: where it is and what it is, as the tile it was found in holds
 * it (its version stays with the index's bookkeeping, which an answer has no need to fetch).
 */
public record FoundCamera(UUID id, double latitude, double longitude, CameraLevel level, Set<CameraView> views) {

    public FoundCamera {
        views = Set.copyOf(views);
    }
}
