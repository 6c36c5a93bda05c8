package org.cameraregistry.geo.index;

import java.util.UUID;
import org.cameraregistry.events.camera.CameraLevel;

/**
 * What the index holds of a camera: enough to find it and show it on a map.
 *
 * @param version the camera's version in the registry; the index keeps only the newest
 */
public record IndexedCamera(UUID id, long version, double latitude, double longitude, CameraLevel level) {
}
