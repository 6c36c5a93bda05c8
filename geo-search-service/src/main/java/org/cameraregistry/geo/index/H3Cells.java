package org.cameraregistry.geo.index;

import com.uber.h3core.AreaUnit;
import com.uber.h3core.H3Core;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The H3 library, loaded once, on first use: it unpacks its native code from its jar then. */
public final class H3Cells {

    /** H3's finest resolution. */
    public static final int FINEST = 15;

    private H3Cells() {
    }

    static H3Core core() {
        return Loaded.CORE;
    }

    /** The average area of a cell at {@code resolution}, in square metres. */
    public static double averageAreaSquareMeters(int resolution) {
        return core().getHexagonAreaAvg(resolution, AreaUnit.m2);
    }

    private static final class Loaded {

        static final H3Core CORE;

        static {
            try {
                CORE = H3Core.newInstance();
            } catch (IOException cannotUnpack) {
                throw new UncheckedIOException("H3's native library could not be unpacked", cannotUnpack);
            }
        }
    }
}
