package org.cameraregistry.events.camera;

import java.util.Set;

/**
 * What the registry shares of a camera: never its owner's contact details.
 *
 * @param label              the owner's name for it, such as "Front entrance"
 * @param latitude           WGS 84 degrees, -90..90
 * @param longitude          WGS 84 degrees, -180..180
 * @param level              how far the owner takes part
 * @param facingDegrees      compass direction it faces, 0..359, or null if not given
 * @param fieldOfViewDegrees horizontal angle it sees, 1..360, or null if not given
 * @param views              what it looks at; empty if not given
 * @param recordsAudio       whether it records sound
 * @param retentionDays      how long recordings are kept, 1..365, or null if not given
 * @param sharesPastFootage  whether the owner is willing to share recorded footage when the police ask
 */
public record CameraDetails(
        String label,
        double latitude,
        double longitude,
        CameraLevel level,
        Integer facingDegrees,
        Integer fieldOfViewDegrees,
        Set<CameraView> views,
        boolean recordsAudio,
        Integer retentionDays,
        boolean sharesPastFootage) {

    public CameraDetails {
        views = views == null ? Set.of() : Set.copyOf(views);
    }
}
