package org.cameraregistry.geo.index;

import java.util.Arrays;
import java.util.UUID;

/**
 * The cameras in one row of the index's grid across one degree of longitude: one array of longs,
 * the cameras sorted by their cell in the row. Never changed once made: a change makes a new
 * array, so a search reading one while a writer works sees either the old tile or the new one,
 * whole. One array and nothing else, because at a million cameras a search's time goes on
 * memory fetches, not arithmetic: a tile costs one fetch to find and one or two to read.
 *
 * <p>The array holds a header, then six longs (48 bytes) per camera. The header is the size, and
 * in a tile of many cameras where each cell's cameras start, so that a search finds a cell at
 * once (a small tile is searched by bisection instead). Per camera: its latitude and its longitude
 * as given (answered and measured exactly; the longitude also tells its cell), its unit vector in
 * floats (a cheap bound that spares most cameras the exact distance), its slot with its
 * {@link Flags}, and its id: an answer reads everything it says from the tile it has just swept,
 * rather than fetch each camera's id from elsewhere in memory. The methods here read and make such arrays.
 */
final class Tile {

    static final int CELLS = CameraIndex.CELLS_PER_DEGREE;
    static final int STRIDE = 6;
    /**
     * The size from which a tile keeps where each cell starts: its half kilobyte is then at most
     * 16 bytes a camera, and bisecting a smaller tile reads a few cache lines only.
     */
    private static final int INDEXED_SIZE = 32;
    private static final long INDEXED = 1L << 32;
    /** Where each cell starts, two ints a long, after the size. */
    private static final int STARTS_LONGS = (CELLS + 2) / 2;

    private Tile() {
    }

    static int size(long[] tile) {
        return (int) tile[0];
    }

    /** Where camera 0's four longs begin. */
    static int base(long[] tile) {
        return (tile[0] & INDEXED) != 0 ? 1 + STARTS_LONGS : 1;
    }

    static double latitude(long[] tile, int i) {
        return Double.longBitsToDouble(tile[base(tile) + STRIDE * i]);
    }

    static double longitude(long[] tile, int i) {
        return Double.longBitsToDouble(tile[base(tile) + STRIDE * i + 1]);
    }

    static int meta(long[] tile, int i) {
        return (int) tile[base(tile) + STRIDE * i + 3];
    }

    static long idHigh(long[] tile, int i) {
        return tile[base(tile) + STRIDE * i + 4];
    }

    static long idLow(long[] tile, int i) {
        return tile[base(tile) + STRIDE * i + 5];
    }

    /** Camera {@code i} as an answer says it, its flags and place read already. */
    static FoundCamera found(long[] tile, int i, int flags, double latitude, double longitude) {
        return new FoundCamera(new UUID(idHigh(tile, i), idLow(tile, i)), latitude, longitude, Flags.level(flags),
                Flags.views(flags));
    }

    /** Its unit vector's x, y and z, in floats: {@code xyz} holds them after. */
    static void unitVector(long[] tile, int i, float[] xyz) {
        int at = base(tile) + STRIDE * i;
        long xy = tile[at + 2];
        xyz[0] = Float.intBitsToFloat((int) (xy >>> 32));
        xyz[1] = Float.intBitsToFloat((int) xy);
        xyz[2] = Float.intBitsToFloat((int) (tile[at + 3] >>> 32));
    }

    /** The cell in this tile's row: by the same rounding that placed the camera. */
    static int cell(long[] tile, int i) {
        return cellOf(longitude(tile, i));
    }

    static int cellOf(double longitude) {
        return Math.floorMod(CameraIndex.columnOf(longitude), CameraIndex.COLUMNS) % CELLS;
    }

    /** The first camera whose cell is {@code cell} or after it (the size if none); {@code cell} up to {@link #CELLS}. */
    static int firstAtOrAfter(long[] tile, int cell) {
        if ((tile[0] & INDEXED) != 0) {
            long pair = tile[1 + cell / 2];
            return (int) (cell % 2 == 0 ? pair >>> 32 : pair);
        }
        int low = 0;
        int high = size(tile);
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cell(tile, middle) < cell) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * A tile without the cameras at {@code removed} (indexes into it, ascending) and with
     * {@code added}: null if nothing is left. The cells' order is kept by a counting sort.
     */
    static long[] rebuilt(long[] old, int[] removed, int removedCount, Additions added) {
        int oldSize = old == null ? 0 : size(old);
        int size = oldSize - removedCount + added.count;
        if (size == 0) {
            return null;
        }
        int[] perCell = new int[CELLS + 1];
        for (int i = 0, r = 0; i < oldSize; i++) {
            if (r < removedCount && removed[r] == i) {
                r++;
            } else {
                perCell[cell(old, i) + 1]++;
            }
        }
        for (int a = 0; a < added.count; a++) {
            perCell[cellOf(Double.longBitsToDouble(added.data[STRIDE * a + 1])) + 1]++;
        }
        for (int c = 0; c < CELLS; c++) {
            perCell[c + 1] += perCell[c];
        }
        boolean indexed = size >= INDEXED_SIZE;
        int base = indexed ? 1 + STARTS_LONGS : 1;
        long[] tile = new long[base + STRIDE * size];
        tile[0] = size | (indexed ? INDEXED : 0);
        if (indexed) {
            for (int c = 0; c <= CELLS; c++) {
                long start = perCell[c] & 0xFFFFFFFFL;
                tile[1 + c / 2] |= c % 2 == 0 ? start << 32 : start;
            }
        }
        int oldBase = old == null ? 0 : base(old);
        for (int i = 0, r = 0; i < oldSize; i++) {
            if (r < removedCount && removed[r] == i) {
                r++;
            } else {
                System.arraycopy(old, oldBase + STRIDE * i, tile, base + STRIDE * perCell[cell(old, i)]++, STRIDE);
            }
        }
        for (int a = 0; a < added.count; a++) {
            int cell = cellOf(Double.longBitsToDouble(added.data[STRIDE * a + 1]));
            System.arraycopy(added.data, STRIDE * a, tile, base + STRIDE * perCell[cell]++, STRIDE);
        }
        return tile;
    }

    /** Cameras waiting to join one tile, gathered by a batch of changes, six longs each as in a tile. */
    static final class Additions {

        int count;
        long[] data = new long[STRIDE * 4];

        void add(double latitude, double longitude, int slotAndFlags, long idHigh, long idLow) {
            if (STRIDE * count == data.length) {
                data = Arrays.copyOf(data, data.length * 2);
            }
            double phi = Math.toRadians(latitude);
            double lambda = Math.toRadians(longitude);
            float x = (float) (Math.cos(phi) * Math.cos(lambda));
            float y = (float) (Math.cos(phi) * Math.sin(lambda));
            float z = (float) Math.sin(phi);
            int at = STRIDE * count++;
            data[at] = Double.doubleToRawLongBits(latitude);
            data[at + 1] = Double.doubleToRawLongBits(longitude);
            data[at + 2] = (long) Float.floatToRawIntBits(x) << 32 | (Float.floatToRawIntBits(y) & 0xFFFFFFFFL);
            data[at + 3] = (long) Float.floatToRawIntBits(z) << 32 | (slotAndFlags & 0xFFFFFFFFL);
            data[at + 4] = idHigh;
            data[at + 5] = idLow;
        }
    }
}
