package org.cameraregistry.geo.index;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The nearest cameras a search has found so far, at most {@code limit}, the farthest on top, in
 * primitive arrays. Equal distances are ordered by camera id, so that an answer cut by its limit
 * is the same whichever order the cameras were met in.
 */
final class NearestHeap {

    private final int limit;
    /** The index's per-slot id halves and versions, three longs a slot. */
    private final long[] slotData;
    private double[] keys;
    private int[] metas;
    private double[] latLon;
    private int size;

    NearestHeap(int limit, long[] slotData) {
        this.limit = limit;
        this.slotData = slotData;
        int capacity = Math.min(limit, 64);
        keys = new double[capacity];
        metas = new int[capacity];
        latLon = new double[2 * capacity];
    }

    boolean isFull() {
        return size == limit;
    }

    /** The haversine of the farthest kept. */
    double farthest() {
        return keys[0];
    }

    /** Whether a camera this far would be kept: always while there is room, else if nearer than the farthest. */
    boolean wouldKeep(double haversine, int slot) {
        return size < limit || before(haversine, slot, keys[0], metas[0] & CameraIndex.SLOT_MASK);
    }

    /** Keeps a camera that {@link #wouldKeep} keeps, putting out the farthest if there is no room. */
    void offer(double haversine, int meta, double latitude, double longitude) {
        if (size < limit) {
            if (size == keys.length) {
                int capacity = Math.min(limit, size * 2);
                keys = Arrays.copyOf(keys, capacity);
                metas = Arrays.copyOf(metas, capacity);
                latLon = Arrays.copyOf(latLon, 2 * capacity);
            }
            int at = size++;
            while (at > 0) {
                int parent = (at - 1) >>> 1;
                if (!before(keys[parent], metas[parent] & CameraIndex.SLOT_MASK, haversine, meta & CameraIndex.SLOT_MASK)) {
                    break;
                }
                move(parent, at);
                at = parent;
            }
            put(at, haversine, meta, latitude, longitude);
        } else {
            int at = 0;
            while (true) {
                int child = 2 * at + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && before(keys[child], slot(child), keys[child + 1], slot(child + 1))) {
                    child++;
                }
                if (!before(haversine, meta & CameraIndex.SLOT_MASK, keys[child], slot(child))) {
                    break;
                }
                move(child, at);
                at = child;
            }
            put(at, haversine, meta, latitude, longitude);
        }
    }

    /** The cameras kept, nearest first; the heap is empty afterwards. */
    List<NearbyCamera> nearestFirst(long[] currentSlotData) {
        // The ids first, in a loop of independent loads, so that the processor fetches them from
        // memory together rather than one after another between allocations.
        long[] ids = new long[3 * size];
        for (int at = 0; at < size; at++) {
            int slot = metas[at] & CameraIndex.SLOT_MASK;
            ids[3 * at] = currentSlotData[3 * slot];
            ids[3 * at + 1] = currentSlotData[3 * slot + 1];
            ids[3 * at + 2] = currentSlotData[3 * slot + 2];
        }
        NearbyCamera[] nearest = new NearbyCamera[size];
        for (int at = 0; at < size; at++) {
            int flags = metas[at] >>> CameraIndex.SLOT_BITS;
            nearest[at] = new NearbyCamera(new IndexedCamera(new UUID(ids[3 * at], ids[3 * at + 1]), ids[3 * at + 2],
                    latLon[2 * at], latLon[2 * at + 1], Flags.level(flags), Flags.views(flags)),
                    GreatCircle.metersOf(keys[at]));
        }
        // Sorted by the same order as the heap: distance, then id.
        Arrays.sort(nearest, NEAREST_FIRST);
        size = 0;
        return Arrays.asList(nearest);
    }

    private static final java.util.Comparator<NearbyCamera> NEAREST_FIRST = java.util.Comparator
            .comparingDouble(NearbyCamera::distanceMeters).thenComparing(nearby -> nearby.camera().id());

    /** Whether {@code (a, slotA)} comes before {@code (b, slotB)}: nearer, or as near with the lower id. */
    private boolean before(double a, int slotA, double b, int slotB) {
        if (a != b) {
            return a < b;
        }
        int byHigh = Long.compare(slotData[3 * slotA], slotData[3 * slotB]);
        return byHigh != 0 ? byHigh < 0 : Long.compare(slotData[3 * slotA + 1], slotData[3 * slotB + 1]) < 0;
    }

    private int slot(int at) {
        return metas[at] & CameraIndex.SLOT_MASK;
    }

    private void move(int from, int to) {
        keys[to] = keys[from];
        metas[to] = metas[from];
        latLon[2 * to] = latLon[2 * from];
        latLon[2 * to + 1] = latLon[2 * from + 1];
    }

    private void put(int at, double key, int meta, double latitude, double longitude) {
        keys[at] = key;
        metas[at] = meta;
        latLon[2 * at] = latitude;
        latLon[2 * at + 1] = longitude;
    }
}
