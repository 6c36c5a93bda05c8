package org.cameraregistry.geo.index;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraView;

/** A camera's level and views in seven bits, kept beside its place in the index so that filters cost no lookup. */
final class Flags {

    static final int BITS = CameraLevel.values().length + CameraView.values().length;
    static final int ALL_LEVELS = (1 << CameraLevel.values().length) - 1;

    private static final CameraLevel[] LEVELS = CameraLevel.values();
    private static final CameraView[] VIEWS = CameraView.values();
    /** Every combination of views as an immutable set, so that answers share them rather than copy them. */
    @SuppressWarnings("unchecked")
    private static final Set<CameraView>[] VIEW_SETS = new Set[1 << VIEWS.length];

    static {
        for (int bits = 0; bits < VIEW_SETS.length; bits++) {
            EnumSet<CameraView> views = EnumSet.noneOf(CameraView.class);
            for (CameraView view : VIEWS) {
                if ((bits & (1 << view.ordinal())) != 0) {
                    views.add(view);
                }
            }
            VIEW_SETS[bits] = Set.copyOf(views);
        }
    }

    private Flags() {
    }

    static int of(CameraLevel level, Collection<CameraView> views) {
        return (1 << level.ordinal()) | ofViews(views);
    }

    static int ofLevels(Collection<CameraLevel> levels) {
        int bits = 0;
        for (CameraLevel level : levels) {
            bits |= 1 << level.ordinal();
        }
        return bits;
    }

    static int ofViews(Collection<CameraView> views) {
        int bits = 0;
        for (CameraView view : views) {
            bits |= 1 << (LEVELS.length + view.ordinal());
        }
        return bits;
    }

    static CameraLevel level(int flags) {
        return LEVELS[Integer.numberOfTrailingZeros(flags & ALL_LEVELS)];
    }

    static Set<CameraView> views(int flags) {
        return VIEW_SETS[flags >>> LEVELS.length];
    }
}
