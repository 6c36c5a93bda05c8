package org.cameraregistry.geo.index;

import com.google.common.geometry.S1Angle;
import com.google.common.geometry.S2Cap;
import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2CellUnion;
import com.google.common.geometry.S2LatLng;
import com.google.common.geometry.S2RegionCoverer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The cameras in memory, ordered along the S2 space-filling curve, so that a region's cameras are
 * a few contiguous ranges of one sorted map: a search covers its circle with S2 cells and scans
 * those ranges. Writes keep only the newest version of each camera, remembering removals, so
 * events may arrive twice or out of order.
 *
 * <p>A search sees the index as it was at one moment: it reads without a lock and checks at the
 * end that no write happened meanwhile, and reads again under a read lock if one did. So a camera
 * that moves during a search is found once, at one of its places, never twice and never not at all.
 * What a search keeps is bounded by its answer: the {@code limit} nearest so far, in a heap.
 */
public final class CameraIndex {

    /** The mean Earth radius (IUGG), the same for every distance the index computes. */
    public static final double EARTH_RADIUS_METERS = 6_371_008.8;

    private static final UUID LOWEST_ID = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);
    private static final UUID HIGHEST_ID = new UUID(Long.MAX_VALUE, Long.MAX_VALUE);
    private static final double FIRST_NEAREST_RADIUS_METERS = 250;
    private static final Predicate<IndexedCamera> EVERY_CAMERA = camera -> true;
    private static final Comparator<NearbyCamera> NEAREST_FIRST = Comparator.comparingDouble(NearbyCamera::distanceMeters);

    /** Concurrent, so that a search reading without the lock never meets a structure half changed. */
    private final ConcurrentSkipListMap<Position, IndexedCamera> byPosition = new ConcurrentSkipListMap<>();
    /** The version last applied per camera, with the position it is at, or none once removed. */
    private final Map<UUID, Applied> applied = new ConcurrentHashMap<>();
    private final StampedLock lock = new StampedLock();
    private final S2RegionCoverer coverer = S2RegionCoverer.builder().setMaxCells(12).build();
    private final double farthestNearestMeters;

    /** @param farthestNearestMeters how far a nearest-cameras search looks at most */
    public CameraIndex(double farthestNearestMeters) {
        this.farthestNearestMeters = farthestNearestMeters;
    }

    /** Adds or moves a camera, unless this or a newer version was applied already. */
    public boolean apply(IndexedCamera camera) {
        long stamp = lock.writeLock();
        try {
            Applied current = applied.get(camera.id());
            if (current != null && current.version() >= camera.version()) {
                return false;
            }
            if (current != null && current.position() != null) {
                byPosition.remove(current.position());
            }
            Position position = Position.of(camera);
            byPosition.put(position, camera);
            applied.put(camera.id(), new Applied(camera.version(), position));
            return true;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Removes a camera as of {@code version}; an older version arriving later will not bring it back. */
    public boolean remove(UUID id, long version) {
        long stamp = lock.writeLock();
        try {
            Applied current = applied.get(id);
            if (current != null && current.version() >= version) {
                return false;
            }
            if (current != null && current.position() != null) {
                byPosition.remove(current.position());
            }
            applied.put(id, new Applied(version, null));
            return true;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Whether this camera's version {@code version}, or a newer one, was applied (a removal included). */
    public boolean holdsAtLeast(UUID id, long version) {
        Applied current = applied.get(id);
        return current != null && current.version() >= version;
    }

    /** How many cameras are in the index. */
    public int size() {
        return byPosition.size();
    }

    /** The cameras within {@code radiusMeters} of a point, nearest first, at most {@code limit}. */
    public List<NearbyCamera> within(double latitude, double longitude, double radiusMeters, int limit) {
        return within(latitude, longitude, radiusMeters, limit, EVERY_CAMERA);
    }

    /** As {@link #within(double, double, double, int)}, among the cameras {@code visible} accepts only. */
    public List<NearbyCamera> within(double latitude, double longitude, double radiusMeters, int limit,
            Predicate<IndexedCamera> visible) {
        return consistently(() -> {
            Search search = new Search(latitude, longitude, limit, visible);
            search.scan(coverer.getCovering(search.cap(radiusMeters)), radiusMeters);
            return search.nearestFirst();
        });
    }

    /**
     * The {@code limit} cameras nearest to a point, nearest first, looking no farther than the
     * index's limit. The search circle grows, and each time only the cells it adds are scanned.
     * Every camera not yet looked at lies outside the circle, so once the {@code limit} nearest
     * found are all inside it, they are the nearest there are.
     */
    public List<NearbyCamera> nearest(double latitude, double longitude, int limit) {
        return nearest(latitude, longitude, limit, EVERY_CAMERA);
    }

    /**
     * As {@link #nearest(double, double, int)}, among the cameras {@code visible} accepts only: the
     * nearest of those, not those of the nearest that it accepts.
     */
    public List<NearbyCamera> nearest(double latitude, double longitude, int limit, Predicate<IndexedCamera> visible) {
        return consistently(() -> {
            Search search = new Search(latitude, longitude, limit, visible);
            S2CellUnion scanned = new S2CellUnion();
            double radius = Math.min(FIRST_NEAREST_RADIUS_METERS, farthestNearestMeters);
            while (true) {
                S2CellUnion covering = coverer.getCovering(search.cap(radius));
                S2CellUnion added = new S2CellUnion();
                added.getDifference(covering, scanned);
                search.scan(added, farthestNearestMeters);
                if (search.holdsAllWithin(radius) || radius >= farthestNearestMeters) {
                    return search.nearestFirst();
                }
                S2CellUnion widened = new S2CellUnion();
                widened.getUnion(scanned, covering);
                scanned = widened;
                radius = Math.min(radius * 4, farthestNearestMeters);
            }
        });
    }

    /** Runs a search on one consistent state of the index (see the class comment). */
    private <T> T consistently(Supplier<T> search) {
        long stamp = lock.tryOptimisticRead();
        if (stamp != 0) {
            T result = search.get();
            if (lock.validate(stamp)) {
                return result;
            }
        }
        stamp = lock.readLock();
        try {
            return search.get();
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** One search: its centre, and the {@code limit} nearest cameras found so far, farthest on top. */
    private final class Search {

        private final S2LatLng center;
        private final int limit;
        private final Predicate<IndexedCamera> visible;
        private final PriorityQueue<NearbyCamera> nearest;

        Search(double latitude, double longitude, int limit, Predicate<IndexedCamera> visible) {
            this.center = S2LatLng.fromDegrees(latitude, longitude);
            this.limit = limit;
            this.visible = visible;
            this.nearest = new PriorityQueue<>(Math.min(limit, 1024) + 1, NEAREST_FIRST.reversed());
        }

        S2Cap cap(double radiusMeters) {
            return S2Cap.fromAxisAngle(center.toPoint(), S1Angle.radians(radiusMeters / EARTH_RADIUS_METERS));
        }

        /** Looks at every camera in {@code cells}, keeping those within {@code radiusMeters} that are among the nearest. */
        void scan(Iterable<S2CellId> cells, double radiusMeters) {
            for (S2CellId cell : cells) {
                for (IndexedCamera camera : byPosition.subMap(
                        new Position(cell.rangeMin().id(), LOWEST_ID), true,
                        new Position(cell.rangeMax().id(), HIGHEST_ID), true).values()) {
                    double distance = center.getDistance(S2LatLng.fromDegrees(camera.latitude(), camera.longitude()))
                            .radians() * EARTH_RADIUS_METERS;
                    if (distance <= radiusMeters && visible.test(camera)) {
                        keepIfNearer(new NearbyCamera(camera, distance));
                    }
                }
            }
        }

        private void keepIfNearer(NearbyCamera found) {
            if (nearest.size() < limit) {
                nearest.add(found);
            } else if (found.distanceMeters() < nearest.peek().distanceMeters()) {
                nearest.poll();
                nearest.add(found);
            }
        }

        /** Whether the {@code limit} nearest found so far all lie within {@code radiusMeters}. */
        boolean holdsAllWithin(double radiusMeters) {
            return nearest.size() == limit && nearest.peek().distanceMeters() <= radiusMeters;
        }

        List<NearbyCamera> nearestFirst() {
            List<NearbyCamera> sorted = new ArrayList<>(nearest);
            sorted.sort(NEAREST_FIRST);
            return sorted;
        }
    }

    /** A camera's place on the S2 curve (its leaf cell, compared unsigned), then its id for uniqueness. */
    private record Position(long leafCell, UUID id) implements Comparable<Position> {

        static Position of(IndexedCamera camera) {
            return new Position(S2CellId.fromPoint(S2LatLng.fromDegrees(camera.latitude(), camera.longitude()).toPoint()).id(),
                    camera.id());
        }

        @Override
        public int compareTo(Position other) {
            int byCell = Long.compareUnsigned(leafCell, other.leafCell);
            return byCell != 0 ? byCell : id.compareTo(other.id);
        }
    }

    private record Applied(long version, Position position) {
    }
}
