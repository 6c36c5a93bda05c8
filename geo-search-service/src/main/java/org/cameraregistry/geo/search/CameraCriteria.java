package org.cameraregistry.geo.search;

import java.util.List;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraView;
import org.cameraregistry.geo.index.CameraFilter;
import org.cameraregistry.geo.jurisdiction.Jurisdiction;

/**
 * The filters every search shape takes: {@code level} (any of these levels) and {@code views} (cameras
 * looking at any of these), each given as a comma-separated list or repeated, and none meaning all.
 */
interface CameraCriteria {

    List<CameraLevel> level();

    List<CameraView> views();

    /** The index's filter for these criteria, within the caller's jurisdiction. */
    default CameraFilter within(Jurisdiction jurisdiction) {
        return CameraFilter.of(level() == null ? List.of() : level(), views() == null ? List.of() : views(),
                jurisdiction::covers);
    }
}
