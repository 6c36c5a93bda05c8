package org.cameraregistry.geo.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Supplier;

/**
 * Every active camera in memory, in a grid of cells 1/128 of a degree on a side (about 870 m of
 * latitude), held as {@link Tile}s, arrays of longs: one row of cells across one degree of
 * longitude each. A search visits the rows its area spans and, in each, the cells its longitudes
 * span, found by binary search; it measures the cameras there with a cheap bound first and with
 * the great-circle distance only where the bound cannot decide. So answers are exact: a search
 * never misses a camera in its area, at the poles and across the antimeridian too, and its
 * distances are haversine distances in metres.
 *
 * <p>A nearest search starts with a small circle and doubles it until the nearest found lie
 * inside it; each time it visits only what the bigger circle's bounding box adds.
 *
 * <p>Writes keep only the newest version of each camera, remembering removals, so events may
 * arrive twice or out of order. A write replaces the tiles it changes with new ones under a write
 * lock; a search reads without any lock and checks at its end that no write happened meanwhile,
 * and searches again under a read lock if one did. So searches scale with cores, and a camera
 * that moves during a search is found once, at one of its places, never twice and never not at all.
 *
 * <p>About 70 bytes a camera: 33 in its tile, 28 for its id, version and tile, and its entry in
 * an open-addressing table from id to slot.
 */
public final class CameraIndex {

    static final int SLOT_BITS = 32 - Flags.BITS;
    static final int SLOT_MASK = (1 << SLOT_BITS) - 1;
    static final int CELLS_PER_DEGREE = 128;
    static final int ROWS = 180 * CELLS_PER_DEGREE;
    static final int COLUMNS = 360 * CELLS_PER_DEGREE;
    private static final int TILES_PER_ROW = 360;
    /** Widens bounds computed with trigonometry, so that their rounding never leaves a camera out. */
    private static final double MARGIN_DEGREES = 1e-9;
    /**
     * How far a unit vector stored in floats may be from the exact one: three components, each
     * rounded by at most half a float's step near 1 (2^-24), with room to spare.
     */
    private static final double FLOAT_CHORD_ERROR = 2.5e-7;
    private static final int NOT_HELD = -1;

    private final double farthestNearestMeters;
    /** Per row, its tiles by degree of longitude; a row's array is made when its first camera comes. */
    private final long[][][] rows = new long[ROWS][][];
    private final StampedLock lock = new StampedLock();

    // Per slot, one per camera ever held (a removed camera keeps its slot, to remember its version).
    private long[] versions = new long[1024];
    /** The tile the camera is in (row * 360 + degree), or NOT_HELD once removed. */
    private int[] tileOf = new int[1024];
    /** Where in its tile the camera is; a tile's rebuild sets it for every camera in it. */
    private int[] placeInTile = new int[1024];
    /** The ids of removed cameras, which are in no tile to read them from. */
    private final Map<Integer, UUID> removedIds = new HashMap<>();
    /** The ids of the cameras a batch of writes is placing, until their tiles are rebuilt. */
    private final Map<Integer, UUID> placingIds = new HashMap<>();
    private int slots;
    /** Open addressing from id to slot + 1, linear probing; 0 is an empty place. */
    private int[] table = new int[2048];
    private int size;

    /** @param farthestNearestMeters how far a nearest-cameras search looks at most */
    public CameraIndex(double farthestNearestMeters) {
        this.farthestNearestMeters = farthestNearestMeters;
    }

    // ---------------------------------------------------------------- writes

    /** Adds or moves a camera, unless this or a newer version was applied already. */
    public boolean apply(IndexedCamera camera) {
        return applyAll(List.of(camera)) == 1;
    }

    /**
     * Applies many cameras at once, each unless this or a newer version was applied already,
     * rebuilding each tile they touch once: how the index is loaded.
     *
     * @return how many were applied
     */
    public int applyAll(List<IndexedCamera> cameras) {
        long stamp = lock.writeLock();
        try {
            Changes changes = new Changes();
            Map<UUID, IndexedCamera> newest = new LinkedHashMap<>();
            for (IndexedCamera camera : cameras) {
                newest.merge(camera.id(), camera, (a, b) -> a.version() >= b.version() ? a : b);
            }
            int applied = 0;
            for (IndexedCamera camera : newest.values()) {
                int slot = slotOf(camera.id());
                if (slot >= 0 && versions[slot] >= camera.version()) {
                    continue;
                }
                if (slot < 0) {
                    slot = newSlot(camera.id());
                } else if (tileOf[slot] != NOT_HELD) {
                    changes.remove(tileOf[slot], placeInTile[slot]);
                    size--;
                }
                removedIds.remove(slot);
                placingIds.put(slot, camera.id());
                int row = rowOf(camera.latitude());
                int column = Math.floorMod(columnOf(camera.longitude()), COLUMNS);
                int tile = row * TILES_PER_ROW + column / Tile.CELLS;
                changes.add(tile, camera, slot | Flags.of(camera.level(), camera.views()) << SLOT_BITS);
                versions[slot] = camera.version();
                tileOf[slot] = tile;
                size++;
                applied++;
            }
            changes.publish();
            placingIds.clear();
            return applied;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Removes a camera as of {@code version}; an older version arriving later will not bring it back. */
    public boolean remove(UUID id, long version) {
        long stamp = lock.writeLock();
        try {
            int slot = slotOf(id);
            if (slot >= 0 && versions[slot] >= version) {
                return false;
            }
            if (slot < 0) {
                slot = newSlot(id);
            } else if (tileOf[slot] != NOT_HELD) {
                Changes changes = new Changes();
                changes.remove(tileOf[slot], placeInTile[slot]);
                changes.publish();
                size--;
            }
            removedIds.put(slot, id);
            versions[slot] = version;
            tileOf[slot] = NOT_HELD;
            return true;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Whether this camera's version {@code version}, or a newer one, was applied (a removal included). */
    public boolean holdsAtLeast(UUID id, long version) {
        long stamp = lock.readLock();
        try {
            int slot = slotOf(id);
            return slot >= 0 && versions[slot] >= version;
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** How many cameras are in the index. */
    public int size() {
        return size;
    }

    /** The tiles a batch of writes changes, each rebuilt once and then put in place. */
    private final class Changes {

        private final Map<Integer, int[]> removals = new HashMap<>();
        private final Map<Integer, Tile.Additions> additions = new HashMap<>();

        void remove(int tile, int at) {
            int[] list = removals.get(tile);
            if (list == null) {
                list = new int[] {0, 0, 0, 0};
                removals.put(tile, list);
            } else if (list[0] + 1 == list.length) {
                list = Arrays.copyOf(list, list.length * 2);
                removals.put(tile, list);
            }
            list[++list[0]] = at;
        }

        void add(int tile, IndexedCamera camera, int slotAndFlags) {
            additions.computeIfAbsent(tile, key -> new Tile.Additions()).add(camera.latitude(), camera.longitude(),
                    slotAndFlags, camera.id().getMostSignificantBits(), camera.id().getLeastSignificantBits());
        }

        void publish() {
            List<Integer> touched = new ArrayList<>(removals.keySet());
            additions.keySet().stream().filter(tile -> !removals.containsKey(tile)).forEach(touched::add);
            Tile.Additions none = new Tile.Additions();
            for (int tile : touched) {
                int[] list = removals.get(tile);
                int removedCount = list == null ? 0 : list[0];
                int[] removed = list == null ? new int[0] : Arrays.copyOfRange(list, 1, 1 + removedCount);
                Arrays.sort(removed);
                long[] rebuilt = Tile.rebuilt(tile(tile), removed, removedCount, additions.getOrDefault(tile, none));
                int row = tile / TILES_PER_ROW;
                if (rows[row] == null) {
                    rows[row] = new long[TILES_PER_ROW][];
                }
                rows[row][tile % TILES_PER_ROW] = rebuilt;
                for (int i = 0; rebuilt != null && i < Tile.size(rebuilt); i++) {
                    placeInTile[Tile.meta(rebuilt, i) & SLOT_MASK] = i;
                }
            }
        }

        private long[] tile(int tile) {
            long[][] row = rows[tile / TILES_PER_ROW];
            return row == null ? null : row[tile % TILES_PER_ROW];
        }
    }

    private int slotOf(UUID id) {
        int mask = table.length - 1;
        for (int at = hash(id.getMostSignificantBits(), id.getLeastSignificantBits()) & mask; ; at = (at + 1) & mask) {
            int entry = table[at];
            if (entry == 0) {
                return -1;
            }
            if (idOf(entry - 1).equals(id)) {
                return entry - 1;
            }
        }
    }

    /** A slot's camera id: from its tile, or, while it is being placed or once removed, from where it waits. */
    private UUID idOf(int slot) {
        UUID placing = placingIds.get(slot);
        if (placing != null) {
            return placing;
        }
        if (tileOf[slot] == NOT_HELD) {
            return removedIds.get(slot);
        }
        long[] tile = rows[tileOf[slot] / TILES_PER_ROW][tileOf[slot] % TILES_PER_ROW];
        return new UUID(Tile.idHigh(tile, placeInTile[slot]), Tile.idLow(tile, placeInTile[slot]));
    }

    private int newSlot(UUID id) {
        if (slots == SLOT_MASK) {
            throw new IllegalStateException("the index holds as many cameras as it can: " + SLOT_MASK);
        }
        if (slots == tileOf.length) {
            int capacity = slots + (slots >> 1);
            versions = Arrays.copyOf(versions, capacity);
            tileOf = Arrays.copyOf(tileOf, capacity);
            placeInTile = Arrays.copyOf(placeInTile, capacity);
        }
        int slot = slots++;
        // Not held until a batch places it; its id waits with the removed ones' meanwhile.
        tileOf[slot] = NOT_HELD;
        removedIds.put(slot, id);
        if (slots * 4 > table.length * 3) {
            table = new int[table.length * 2];
            for (int s = 0; s < slots; s++) {
                place(s, idOf(s));
            }
        } else {
            place(slot, id);
        }
        return slot;
    }

    private void place(int slot, UUID id) {
        int mask = table.length - 1;
        int at = hash(id.getMostSignificantBits(), id.getLeastSignificantBits()) & mask;
        while (table[at] != 0) {
            at = (at + 1) & mask;
        }
        table[at] = slot + 1;
    }

    private static int hash(long high, long low) {
        long mixed = (high ^ low) * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ (mixed >>> 32));
    }

    // ---------------------------------------------------------------- searches

    /** The cameras within {@code radiusMeters} of a point, nearest first, at most {@code limit}. */
    public List<NearbyCamera> within(double latitude, double longitude, double radiusMeters, int limit) {
        return within(latitude, longitude, radiusMeters, limit, CameraFilter.EVERY_CAMERA);
    }

    /** As {@link #within(double, double, double, int)}, among the cameras {@code filter} accepts only. */
    public List<NearbyCamera> within(double latitude, double longitude, double radiusMeters, int limit,
            CameraFilter filter) {
        return consistently(() -> {
            Nearest search = new Nearest(latitude, longitude, limit, radiusMeters, filter);
            search.scanDifference(search.capBox(radiusMeters), null);
            return search.answer();
        });
    }

    /** The {@code limit} cameras nearest to a point, nearest first, looking no farther than the index's limit. */
    public List<NearbyCamera> nearest(double latitude, double longitude, int limit) {
        return nearest(latitude, longitude, limit, farthestNearestMeters, CameraFilter.EVERY_CAMERA);
    }

    /**
     * The {@code limit} cameras that {@code filter} accepts nearest to a point, nearest first, none
     * farther than {@code maxMeters} (nor than the index's limit): the nearest of those, not those
     * of the nearest that it accepts.
     */
    public List<NearbyCamera> nearest(double latitude, double longitude, int limit, double maxMeters,
            CameraFilter filter) {
        double farthest = Math.min(maxMeters, farthestNearestMeters);
        return consistently(() -> {
            Nearest search = new Nearest(latitude, longitude, limit, farthest, filter);
            double radius = Math.min(firstRadius(latitude, longitude, limit), farthest);
            Span scanned = null;
            while (true) {
                Span box = search.capBox(radius).around(scanned);
                search.scanDifference(box, scanned);
                if (search.holdsAllWithin(radius) || radius >= farthest) {
                    return search.answer();
                }
                scanned = box;
                radius = Math.min(radius * 2, farthest);
            }
        });
    }

    /**
     * How far a nearest search looks first: as far as {@code limit} cameras would be if the
     * cameras were everywhere as dense as in the point's cell, and a little farther, so that one
     * look is mostly enough and a second one is never far off.
     */
    private double firstRadius(double latitude, double longitude, int limit) {
        long[][] tiles = rows[rowOf(latitude)];
        int column = Math.floorMod(columnOf(longitude), COLUMNS);
        long[] tile = tiles == null ? null : tiles[column / Tile.CELLS];
        int inCell = tile == null ? 0
                : Tile.firstAtOrAfter(tile, column % Tile.CELLS + 1) - Tile.firstAtOrAfter(tile, column % Tile.CELLS);
        double cellSide = GreatCircle.EARTH_RADIUS_METERS * Math.toRadians(1.0 / CELLS_PER_DEGREE);
        double cellArea = cellSide * cellSide * Math.max(Math.cos(Math.toRadians(latitude)), 0.01);
        return 1.2 * Math.sqrt(limit * cellArea / (Math.PI * Math.max(inCell, 0.5)));
    }

    /**
     * The cameras in a box that {@code filter} accepts: at most {@code limit} of them, from the
     * south-west, and how many there are in all.
     */
    public AreaMatches withinBox(BoundingBox box, int limit, CameraFilter filter) {
        return consistently(() -> {
            FirstFound found = new FirstFound(limit);
            new InBox(box, filter, found).scan();
            return found.answer();
        });
    }

    /** As {@link #withinBox}, within a polygon, its boundary included. */
    public AreaMatches withinPolygon(SearchPolygon polygon, int limit, CameraFilter filter) {
        return consistently(() -> {
            FirstFound found = new FirstFound(limit);
            new InPolygon(polygon, filter, found).scan();
            return found.answer();
        });
    }

    /**
     * The cameras in a box that {@code filter} accepts, counted per H3 cell of {@code resolution},
     * each cell with its cameras' centroid and, where it holds {@code listedUpTo} or fewer, the
     * cameras themselves: what a map draws when it shows every camera in view.
     */
    public CameraClusters clusters(BoundingBox box, int resolution, int listedUpTo, CameraFilter filter) {
        return consistently(() -> {
            Clustering clustering = new Clustering(resolution, listedUpTo);
            new InBox(box, filter, clustering).scan();
            return clustering.answer();
        });
    }

    /** Runs a search on one consistent state of the index (see the class comment). */
    private <T> T consistently(Supplier<T> search) {
        long stamp = lock.tryOptimisticRead();
        if (stamp != 0) {
            try {
                T result = search.get();
                if (lock.validate(stamp)) {
                    return result;
                }
            } catch (RuntimeException raceWithAWriter) {
                if (lock.validate(stamp)) {
                    throw raceWithAWriter;
                }
            }
        }
        stamp = lock.readLock();
        try {
            return search.get();
        } finally {
            lock.unlockRead(stamp);
        }
    }

    static int rowOf(double latitude) {
        return Math.clamp((long) Math.floor((latitude + 90) * CELLS_PER_DEGREE), 0, ROWS - 1);
    }

    /** The column, not wrapped: 0 at -180 and {@link #COLUMNS} at 180, the same meridian as -180. */
    static int columnOf(double longitude) {
        return (int) Math.floor((longitude + 180) * CELLS_PER_DEGREE);
    }

    /** Rows {@code south..north} by unwrapped columns {@code west..east}, at most {@link #COLUMNS} wide. */
    record Span(int south, int north, int west, int east) {

        /** This span grown to hold {@code inner} too, so that the difference between them is a frame. */
        Span around(Span inner) {
            if (inner == null) {
                return this;
            }
            int s = Math.min(south, inner.south);
            int n = Math.max(north, inner.north);
            if (east - west + 1 >= COLUMNS) {
                return new Span(s, n, inner.west, inner.west + COLUMNS - 1);
            }
            int w = Math.min(west, inner.west);
            int e = Math.max(east, inner.east);
            return e - w + 1 >= COLUMNS ? new Span(s, n, inner.west, inner.west + COLUMNS - 1) : new Span(s, n, w, e);
        }
    }

    /** One search's walk over the grid: it is shown each run of cameras in the cells it asks for. */
    private abstract class Scan {

        /** Whether the current row is walked from east to west, as a nearest search does west of its point. */
        boolean westward;

        /** Visits the cameras in one row, unwrapped columns {@code west..east} (at most a world wide). */
        final void row(int row, int west, int east) {
            long[][] tiles = rows[row];
            if (tiles == null || east < west) {
                return;
            }
            int first = Math.floorMod(west, COLUMNS);
            int last = first + (east - west);
            if (last < COLUMNS) {
                columns(tiles, row, first, last);
            } else if (westward) {
                columns(tiles, row, 0, last - COLUMNS);
                columns(tiles, row, first, COLUMNS - 1);
            } else {
                columns(tiles, row, first, COLUMNS - 1);
                columns(tiles, row, 0, last - COLUMNS);
            }
        }

        private void columns(long[][] tiles, int row, int first, int last) {
            int firstDegree = first / Tile.CELLS;
            int lastDegree = last / Tile.CELLS;
            for (int d = 0; d <= lastDegree - firstDegree; d++) {
                int degree = westward ? lastDegree - d : firstDegree + d;
                long[] tile = tiles[degree];
                if (tile == null) {
                    continue;
                }
                int from = degree == firstDegree ? Tile.firstAtOrAfter(tile, first % Tile.CELLS) : 0;
                int to = degree == lastDegree && last % Tile.CELLS < Tile.CELLS - 1
                        ? Tile.firstAtOrAfter(tile, last % Tile.CELLS + 1) : Tile.size(tile);
                if (from < to) {
                    cameras(tile, from, to, row, degree * Tile.CELLS);
                }
            }
        }

        /**
         * Cameras {@code from..to-1} of a tile in {@code row} whose first column is {@code firstColumn},
         * to be taken from the last when {@link #westward}.
         */
        abstract void cameras(long[] tile, int from, int to, int row, int firstColumn);
    }

    /** A nearest or radius search: the {@code limit} nearest cameras found so far, in a heap. */
    private final class Nearest extends Scan {

        private final double latitude;
        private final double longitude;
        private final double phi;
        private final double cosPhi;
        private final double sinPhi;
        private final double lambda;
        private final double x;
        private final double y;
        private final double z;
        private final CameraFilter filter;
        private final NearestHeap heap;
        /** The haversine of the farthest a camera may be and still be answered. */
        private double bound;
        /** The squared chord between unit vectors beyond which a camera cannot be within the bound. */
        private double chordLimit;

        Nearest(double latitude, double longitude, int limit, double farthestMeters, CameraFilter filter) {
            this.latitude = latitude;
            this.longitude = longitude;
            this.phi = Math.toRadians(latitude);
            this.cosPhi = Math.cos(phi);
            this.sinPhi = Math.sin(phi);
            this.lambda = Math.toRadians(longitude);
            this.x = cosPhi * Math.cos(lambda);
            this.y = cosPhi * Math.sin(lambda);
            this.z = sinPhi;
            this.filter = filter;
            this.heap = new NearestHeap(limit);
            tighten(GreatCircle.haversineOf(farthestMeters));
        }

        private void tighten(double haversine) {
            bound = haversine;
            double chord = 2 * Math.sqrt(haversine) + FLOAT_CHORD_ERROR;
            chordLimit = chord * chord;
        }

        /** The grid span that holds every place within {@code meters}: the bounding box of that circle. */
        Span capBox(double meters) {
            double angle = meters / GreatCircle.EARTH_RADIUS_METERS;
            double degrees = Math.toDegrees(angle);
            double south = latitude - degrees - MARGIN_DEGREES;
            double north = latitude + degrees + MARGIN_DEGREES;
            int southRow = rowOf(south);
            int northRow = rowOf(north);
            if (south <= -90 || north >= 90 || Math.sin(angle) >= cosPhi) {
                return new Span(southRow, northRow, 0, COLUMNS - 1);
            }
            double halfWidth = Math.toDegrees(GreatCircle.asin(Math.sin(angle) / cosPhi)) + MARGIN_DEGREES;
            int west = columnOf(longitude - halfWidth);
            int east = columnOf(longitude + halfWidth);
            return east - west + 1 >= COLUMNS
                    ? new Span(southRow, northRow, 0, COLUMNS - 1) : new Span(southRow, northRow, west, east);
        }

        /**
         * Visits what {@code box} holds beyond {@code inner}, which it must hold, nearest rows first
         * and, in each row, outwards from the point's column: the nearest cameras come early, the
         * bound tightens at once, and most cameras after them are passed over on the cheap bound.
         */
        void scanDifference(Span box, Span inner) {
            int middle = Math.clamp(rowOf(latitude), box.south(), box.north());
            for (int away = 0; middle - away >= box.south() || middle + away <= box.north(); away++) {
                if (middle + away <= box.north()) {
                    scanRowDifference(middle + away, box, inner);
                }
                if (away > 0 && middle - away >= box.south()) {
                    scanRowDifference(middle - away, box, inner);
                }
            }
        }

        private void scanRowDifference(int row, Span box, Span inner) {
            if (rows[row] == null) {
                return;
            }
            if (inner == null || row < inner.south() || row > inner.north()) {
                int column = Math.clamp(columnOf(longitude), box.west(), box.east());
                if (box.east() - box.west() + 1 >= COLUMNS) {
                    column = box.west() + Math.floorMod(columnOf(longitude) - box.west(), COLUMNS);
                }
                eastward(row, column, box.east());
                westward(row, box.west(), column - 1);
            } else {
                eastward(row, inner.east() + 1, box.east());
                westward(row, box.west(), inner.west() - 1);
            }
        }

        private void eastward(int row, int west, int east) {
            westward = false;
            row(row, west, east);
        }

        private void westward(int row, int west, int east) {
            westward = true;
            row(row, west, east);
        }

        @Override
        void cameras(long[] tile, int from, int to, int row, int firstColumn) {
            long[] data = tile;
            int base = Tile.base(tile);
            int step = westward ? -1 : 1;
            for (int i = westward ? to - 1 : from; i >= from && i < to; i += step) {
                int at = base + Tile.STRIDE * i;
                long zAndMeta = data[at + 3];
                int slotAndFlags = (int) zAndMeta;
                if (!filter.acceptsFlags(slotAndFlags >>> SLOT_BITS)) {
                    continue;
                }
                long xy = data[at + 2];
                double dx = x - Float.intBitsToFloat((int) (xy >>> 32));
                double dy = y - Float.intBitsToFloat((int) xy);
                double dz = z - Float.intBitsToFloat((int) (zAndMeta >>> 32));
                if (dx * dx + dy * dy + dz * dz > chordLimit) {
                    continue;
                }
                double cameraLatitude = Double.longBitsToDouble(data[at]);
                double cameraLongitude = Double.longBitsToDouble(data[at + 1]);
                double h = GreatCircle.haversine(phi, cosPhi, sinPhi, lambda, cameraLatitude, cameraLongitude);
                long idHigh = data[at + 4];
                long idLow = data[at + 5];
                if (h > bound || !heap.wouldKeep(h, idHigh, idLow)) {
                    continue;
                }
                if (!filter.everywhere() && !filter.area().covers(cameraLatitude, cameraLongitude)) {
                    continue;
                }
                heap.offer(h, slotAndFlags, cameraLatitude, cameraLongitude, idHigh, idLow);
                if (heap.isFull()) {
                    tighten(heap.farthest());
                }
            }
        }

        /** Whether the {@code limit} nearest found so far all lie within {@code meters}. */
        boolean holdsAllWithin(double meters) {
            return heap.isFull() && heap.farthest() <= GreatCircle.haversineOf(meters);
        }

        List<NearbyCamera> answer() {
            return heap.nearestFirst();
        }
    }

    /** What an area search does with each camera it finds in its area that its filter accepts. */
    interface Gathering {

        /** Camera {@code i} of {@code tile}, with its flags and place, read already. */
        void take(long[] tile, int i, int flags, double latitude, double longitude);
    }

    /** The first {@code limit} cameras in the order visited, and a count of all. */
    private static final class FirstFound implements Gathering {

        private final int limit;
        private final List<FoundCamera> found = new ArrayList<>();
        private int total;

        FirstFound(int limit) {
            this.limit = limit;
        }

        @Override
        public void take(long[] tile, int i, int flags, double latitude, double longitude) {
            total++;
            if (found.size() < limit) {
                found.add(Tile.found(tile, i, flags, latitude, longitude));
            }
        }

        AreaMatches answer() {
            return new AreaMatches(List.copyOf(found), total);
        }
    }

    /** A box or polygon search: each camera in the area that the filter accepts goes to its {@link Gathering}. */
    private abstract class InArea extends Scan {

        final CameraFilter filter;
        final Gathering gathering;

        InArea(CameraFilter filter, Gathering gathering) {
            this.filter = filter;
            this.gathering = gathering;
        }

        /** Takes camera {@code i} of a tile if the filter accepts it, its place being known to be in the area. */
        final void take(long[] tile, int i) {
            int flags = Tile.meta(tile, i) >>> SLOT_BITS;
            if (!filter.acceptsFlags(flags)) {
                return;
            }
            double latitude = Tile.latitude(tile, i);
            double longitude = Tile.longitude(tile, i);
            if (!filter.everywhere() && !filter.area().covers(latitude, longitude)) {
                return;
            }
            gathering.take(tile, i, flags, latitude, longitude);
        }
    }

    private final class InBox extends InArea {

        private final BoundingBox box;
        private final int south;
        private final int north;
        private final int west;
        private final int east;

        InBox(BoundingBox box, CameraFilter filter, Gathering gathering) {
            super(filter, gathering);
            this.box = box;
            this.south = rowOf(box.south());
            this.north = rowOf(box.north());
            int first = columnOf(box.west());
            int last = columnOf(box.east()) + (box.crossesAntimeridian() ? COLUMNS : 0);
            this.west = first;
            this.east = Math.min(last, first + COLUMNS - 1);
        }

        void scan() {
            for (int row = south; row <= north; row++) {
                row(row, west, east);
            }
        }

        @Override
        void cameras(long[] tile, int from, int to, int row, int firstColumn) {
            boolean edgeRow = row == south || row == north;
            int westColumn = Math.floorMod(west, COLUMNS);
            int eastColumn = Math.floorMod(east, COLUMNS);
            for (int i = from; i < to; i++) {
                int column = firstColumn + Tile.cell(tile, i);
                // A camera in a cell wholly inside the box is in it: the same rounding places both.
                if ((edgeRow || column == westColumn || column == eastColumn)
                        && !box.contains(Tile.latitude(tile, i), Tile.longitude(tile, i))) {
                    continue;
                }
                take(tile, i);
            }
        }
    }

    private final class InPolygon extends InArea {

        private final SearchPolygon polygon;
        private final int south;
        private final int north;
        /** Per row from {@code south}, the edges that reach it. */
        private final int[][] edgesByRow;
        private final double[] westEast = new double[2];
        /** The current row's columns that edges pass through, as inclusive pairs, merged and sorted. */
        private int[] crossed = new int[16];
        private int crossedCount;
        /** The current row's latitudes, and the stretch of it last decided by one point. */
        private double rowSouth;
        private double rowNorth;
        private int decidedFrom;
        private int decidedTo;
        private boolean decidedInside;
        /** Whether every camera visited is tested on its own, as in column 0 (both -180 and 180). */
        private boolean testingEach;

        InPolygon(SearchPolygon polygon, CameraFilter filter, Gathering gathering) {
            super(filter, gathering);
            this.polygon = polygon;
            this.south = rowOf(polygon.south() - MARGIN_DEGREES);
            this.north = rowOf(polygon.north() + MARGIN_DEGREES);
            int[] counts = new int[north - south + 1];
            for (int e = 0; e < polygon.edgeCount(); e++) {
                for (int r = rowOf(polygon.edgeSouth(e) - MARGIN_DEGREES); r <= rowOf(polygon.edgeNorth(e) + MARGIN_DEGREES); r++) {
                    counts[r - south]++;
                }
            }
            edgesByRow = new int[counts.length][];
            for (int r = 0; r < counts.length; r++) {
                edgesByRow[r] = new int[counts[r]];
                counts[r] = 0;
            }
            for (int e = 0; e < polygon.edgeCount(); e++) {
                for (int r = rowOf(polygon.edgeSouth(e) - MARGIN_DEGREES); r <= rowOf(polygon.edgeNorth(e) + MARGIN_DEGREES); r++) {
                    edgesByRow[r - south][counts[r - south]++] = e;
                }
            }
        }

        /**
         * Visits the columns of the polygon's envelope without wrapping: a polygon, planar in
         * longitude, never crosses the antimeridian. Cameras at longitude 180 sit in column 0 with
         * those at -180; a polygon reaching 180 visits that column too, testing each camera there.
         */
        void scan() {
            int west = Math.max(0, columnOf(polygon.west() - MARGIN_DEGREES));
            int east = columnOf(polygon.east() + MARGIN_DEGREES);
            boolean reaches180 = east >= COLUMNS - 1 && west > 0;
            east = Math.min(east, COLUMNS - 1);
            for (int row = south; row <= north; row++) {
                if (rows[row] == null) {
                    continue;
                }
                prepareRow(row);
                testingEach = false;
                row(row, west, east);
                if (reaches180) {
                    testingEach = true;
                    row(row, 0, 0);
                }
            }
        }

        /** Finds the columns of this row that edges pass through, with a margin for rounding. */
        private void prepareRow(int row) {
            rowSouth = (double) row / CELLS_PER_DEGREE - 90 - MARGIN_DEGREES;
            rowNorth = (double) (row + 1) / CELLS_PER_DEGREE - 90 + MARGIN_DEGREES;
            int[] edges = edgesByRow[row - south];
            crossedCount = 0;
            if (crossed.length < 2 * edges.length) {
                crossed = new int[2 * edges.length];
            }
            long[] spans = new long[edges.length];
            int n = 0;
            for (int e : edges) {
                if (polygon.edgeSouth(e) > rowNorth || polygon.edgeNorth(e) < rowSouth) {
                    continue;
                }
                polygon.longitudesBetween(e, rowSouth, rowNorth, westEast);
                int from = columnOf(westEast[0] - MARGIN_DEGREES);
                int to = columnOf(westEast[1] + MARGIN_DEGREES);
                spans[n++] = (long) from << 32 | (to & 0xFFFFFFFFL);
            }
            Arrays.sort(spans, 0, n);
            for (int s = 0; s < n; s++) {
                int from = (int) (spans[s] >> 32);
                int to = (int) spans[s];
                if (crossedCount > 0 && from <= crossed[2 * crossedCount - 1] + 1) {
                    crossed[2 * crossedCount - 1] = Math.max(crossed[2 * crossedCount - 1], to);
                } else {
                    crossed[2 * crossedCount] = from;
                    crossed[2 * crossedCount + 1] = to;
                    crossedCount++;
                }
            }
            decidedFrom = 1;
            decidedTo = 0;
        }

        @Override
        void cameras(long[] tile, int from, int to, int row, int firstColumn) {
            int stretch = 0;
            for (int i = from; i < to; i++) {
                int column = firstColumn + Tile.cell(tile, i);
                while (stretch < crossedCount && crossed[2 * stretch + 1] < column) {
                    stretch++;
                }
                boolean crossedHere = stretch < crossedCount && crossed[2 * stretch] <= column;
                if (crossedHere || testingEach) {
                    if (polygon.covers(Tile.latitude(tile, i), Tile.longitude(tile, i))) {
                        take(tile, i);
                    }
                } else if (insideStretchOf(column, stretch)) {
                    take(tile, i);
                }
            }
        }

        /**
         * Whether the stretch of columns between two crossed ones, around {@code column}, is inside:
         * no edge passes through it, so one point in it decides for every camera there.
         */
        private boolean insideStretchOf(int column, int nextCrossed) {
            if (column < decidedFrom || column > decidedTo) {
                decidedFrom = nextCrossed == 0 ? Integer.MIN_VALUE : crossed[2 * nextCrossed - 1] + 1;
                decidedTo = nextCrossed == crossedCount ? Integer.MAX_VALUE : crossed[2 * nextCrossed] - 1;
                double longitude = (column + 0.5) / CELLS_PER_DEGREE - 180;
                decidedInside = polygon.covers((rowSouth + rowNorth) / 2, longitude);
            }
            return decidedInside;
        }
    }
}
