package org.cameraregistry.geo.index;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The nearest cameras a search has found so far, at most {@code limit}, in primitive arrays.
 * Until the limit is reached every camera offered is kept, in the order offered; from then on they
 * form a heap with the farthest on top, which a nearer camera replaces. Equal distances are
 * ordered by camera id, so that an answer cut by its limit is the same whichever order the
 * cameras were met in.
 */
final class NearestHeap {

    private final int limit;
    private double[] keys;
    private int[] metas;
    private double[] latLon;
    private long[] ids;
    private int size;

    NearestHeap(int limit) {
        this.limit = limit;
        int capacity = Math.min(limit, 64);
        keys = new double[capacity];
        metas = new int[capacity];
        latLon = new double[2 * capacity];
        ids = new long[2 * capacity];
    }

    boolean isFull() {
        return size == limit;
    }

    /** The haversine of the farthest kept, once full. */
    double farthest() {
        return keys[0];
    }

    /** Whether a camera this far would be kept: always while there is room, else if before the farthest. */
    boolean wouldKeep(double haversine, long idHigh, long idLow) {
        return size < limit || before(haversine, idHigh, idLow, 0);
    }

    /** Keeps a camera that {@link #wouldKeep} keeps, putting out the farthest if there is no room. */
    void offer(double haversine, int meta, double latitude, double longitude, long idHigh, long idLow) {
        if (size < limit) {
            if (size == keys.length) {
                int capacity = (int) Math.min(limit, size * 2L);
                keys = Arrays.copyOf(keys, capacity);
                metas = Arrays.copyOf(metas, capacity);
                latLon = Arrays.copyOf(latLon, 2 * capacity);
                ids = Arrays.copyOf(ids, 2 * capacity);
            }
            put(size++, haversine, meta, latitude, longitude, idHigh, idLow);
            if (size == limit) {
                for (int at = size / 2 - 1; at >= 0; at--) {
                    siftDown(at);
                }
            }
            return;
        }
        put(0, haversine, meta, latitude, longitude, idHigh, idLow);
        siftDown(0);
    }

    /** The cameras kept, nearest first. */
    List<NearbyCamera> nearestFirst() {
        int[] order = nearestFirstOrder();
        NearbyCamera[] nearest = new NearbyCamera[size];
        for (int n = 0; n < size; n++) {
            int at = order[n];
            int flags = metas[at] >>> CameraIndex.SLOT_BITS;
            nearest[n] = new NearbyCamera(new FoundCamera(new UUID(ids[2 * at], ids[2 * at + 1]), latLon[2 * at],
                    latLon[2 * at + 1], Flags.level(flags), Flags.views(flags)), GreatCircle.metersOf(keys[at]));
        }
        return Arrays.asList(nearest);
    }

    /**
     * The kept cameras' places in the arrays, nearest first: the keys with their places packed in
     * their lowest bits sorted as longs (a haversine is never negative, so its bits sort as it
     * does), then each run of keys equal but for those bits put in exact order.
     */
    private int[] nearestFirstOrder() {
        int placeBits = 32 - Integer.numberOfLeadingZeros(Math.max(size, 1));
        long placeMask = (1L << placeBits) - 1;
        long[] packed = new long[size];
        for (int at = 0; at < size; at++) {
            packed[at] = (Double.doubleToRawLongBits(keys[at]) & ~placeMask) | at;
        }
        Arrays.sort(packed);
        int[] order = new int[size];
        for (int n = 0; n < size; n++) {
            order[n] = (int) (packed[n] & placeMask);
        }
        for (int start = 0; start < size; ) {
            int end = start + 1;
            while (end < size && (packed[end] & ~placeMask) == (packed[start] & ~placeMask)) {
                end++;
            }
            for (int i = start + 1; i < end; i++) {
                int place = order[i];
                int j = i - 1;
                while (j >= start && before(keys[place], ids[2 * place], ids[2 * place + 1], order[j])) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = place;
            }
            start = end;
        }
        return order;
    }

    private void siftDown(int from) {
        double key = keys[from];
        int meta = metas[from];
        double latitude = latLon[2 * from];
        double longitude = latLon[2 * from + 1];
        long idHigh = ids[2 * from];
        long idLow = ids[2 * from + 1];
        int at = from;
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(keys[child], ids[2 * child], ids[2 * child + 1], child + 1)) {
                child++;
            }
            if (!before(key, idHigh, idLow, child)) {
                break;
            }
            move(child, at);
            at = child;
        }
        put(at, key, meta, latitude, longitude, idHigh, idLow);
    }

    /** Whether a camera this far with this id comes before the one kept at {@code at}: nearer, or as near with the lower id. */
    private boolean before(double key, long idHigh, long idLow, int at) {
        if (key != keys[at]) {
            return key < keys[at];
        }
        int byHigh = Long.compare(idHigh, ids[2 * at]);
        return byHigh != 0 ? byHigh < 0 : Long.compare(idLow, ids[2 * at + 1]) < 0;
    }

    private void move(int from, int to) {
        keys[to] = keys[from];
        metas[to] = metas[from];
        latLon[2 * to] = latLon[2 * from];
        latLon[2 * to + 1] = latLon[2 * from + 1];
        ids[2 * to] = ids[2 * from];
        ids[2 * to + 1] = ids[2 * from + 1];
    }

    private void put(int at, double key, int meta, double latitude, double longitude, long idHigh, long idLow) {
        keys[at] = key;
        metas[at] = meta;
        latLon[2 * at] = latitude;
        latLon[2 * at + 1] = longitude;
        ids[2 * at] = idHigh;
        ids[2 * at + 1] = idLow;
    }
}
