package org.cameraregistry.geo.index;

import java.util.Collection;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraView;

/**
 * Which cameras a search may answer: of these levels, looking at any of these views, in this area.
 * The level and view test reads a few bits the index keeps beside each camera; the area is asked
 * last, of the cameras that passed every other test, as it is the dearest.
 *
 * @param levels the levels' bits ({@link Flags#of}); every level when all are set
 * @param views  the views' bits; 0 for any camera, whatever it views
 * @param area   where the cameras must be, such as the caller's jurisdiction
 */
public record CameraFilter(int levels, int views, Area area) {

    /** A place test: whether a camera at this latitude and longitude (degrees) may be answered. */
    @FunctionalInterface
    public interface Area {

        Area EVERYWHERE = (latitude, longitude) -> true;

        boolean covers(double latitude, double longitude);
    }

    /** Every camera, anywhere. */
    public static final CameraFilter EVERY_CAMERA = new CameraFilter(Flags.ALL_LEVELS, 0, Area.EVERYWHERE);

    /** Cameras of these levels (all when empty) that view any of these (any camera when empty), in {@code area}. */
    public static CameraFilter of(Collection<CameraLevel> levels, Collection<CameraView> views, Area area) {
        int levelBits = levels.isEmpty() ? Flags.ALL_LEVELS : Flags.ofLevels(levels);
        return new CameraFilter(levelBits, Flags.ofViews(views), area == null ? Area.EVERYWHERE : area);
    }

    /** Only the cameras in {@code area}. */
    public static CameraFilter within(Area area) {
        return new CameraFilter(Flags.ALL_LEVELS, 0, area);
    }

    boolean acceptsFlags(int flags) {
        return (flags & levels) != 0 && (views == 0 || (flags & views) != 0);
    }

    boolean everywhere() {
        return area == Area.EVERYWHERE;
    }
}
