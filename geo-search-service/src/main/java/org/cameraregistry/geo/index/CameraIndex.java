package org.cameraregistry.geo.index;

import com.google.common.geometry.S1Angle;
import com.google.common.geometry.S2Cap;
import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2LatLng;
import com.google.common.geometry.S2RegionCoverer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The cameras in memory, ordered along the S2 space-filling curve, so that a region's cameras are
 * a few contiguous ranges of one sorted map: a search covers its circle with S2 cells and scans
 * those ranges. Reads take no lock; writes are serialized and keep only the newest version of each
 * camera, remembering removals, so events may arrive twice or out of order.
 */
public final class CameraIndex {

    /** The mean Earth radius (IUGG), the same for every distance the index computes. */
    public static final double EARTH_RADIUS_METERS = 6_371_008.8;

    private static final UUID LOWEST_ID = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);
    private static final UUID HIGHEST_ID = new UUID(Long.MAX_VALUE, Long.MAX_VALUE);
    private static final double FIRST_NEAREST_RADIUS_METERS = 250;

    private final ConcurrentSkipListMap<Position, IndexedCamera> byPosition = new ConcurrentSkipListMap<>();
    /** The version last applied per camera, with the position it is at, or none once removed. */
    private final Map<UUID, Applied> applied = new ConcurrentHashMap<>();
    private final S2RegionCoverer coverer = S2RegionCoverer.builder().setMaxCells(12).build();
    private final double farthestNearestMeters;

    /** @param farthestNearestMeters how far a nearest-cameras search looks at most */
    public CameraIndex(double farthestNearestMeters) {
        this.farthestNearestMeters = farthestNearestMeters;
    }

    /** Adds or moves a camera, unless this or a newer version was applied already. */
    public synchronized boolean apply(IndexedCamera camera) {
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
    }

    /** Removes a camera as of {@code version}; an older version arriving later will not bring it back. */
    public synchronized boolean remove(UUID id, long version) {
        Applied current = applied.get(id);
        if (current != null && current.version() >= version) {
            return false;
        }
        if (current != null && current.position() != null) {
            byPosition.remove(current.position());
        }
        applied.put(id, new Applied(version, null));
        return true;
    }

    /** How many cameras are in the index. */
    public int size() {
        return byPosition.size();
    }

    /** The cameras within {@code radiusMeters} of a point, nearest first, at most {@code limit}. */
    public List<NearbyCamera> within(double latitude, double longitude, double radiusMeters, int limit) {
        List<NearbyCamera> found = scan(latitude, longitude, radiusMeters);
        found.sort(Comparator.comparingDouble(NearbyCamera::distanceMeters));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    /**
     * The {@code limit} cameras nearest to a point, nearest first, looking no farther than the
     * index's limit. The search circle grows until it holds enough cameras: every camera outside
     * a circle is farther than every camera inside it, so those inside are the nearest.
     */
    public List<NearbyCamera> nearest(double latitude, double longitude, int limit) {
        double radius = FIRST_NEAREST_RADIUS_METERS;
        while (true) {
            List<NearbyCamera> found = scan(latitude, longitude, radius);
            if (found.size() >= limit || radius >= farthestNearestMeters) {
                found.sort(Comparator.comparingDouble(NearbyCamera::distanceMeters));
                return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
            }
            radius = Math.min(radius * 4, farthestNearestMeters);
        }
    }

    private List<NearbyCamera> scan(double latitude, double longitude, double radiusMeters) {
        S2LatLng center = S2LatLng.fromDegrees(latitude, longitude);
        S2Cap circle = S2Cap.fromAxisAngle(center.toPoint(), S1Angle.radians(radiusMeters / EARTH_RADIUS_METERS));
        ArrayList<S2CellId> cells = new ArrayList<>();
        coverer.getCovering(circle, cells);
        List<NearbyCamera> found = new ArrayList<>();
        for (S2CellId cell : cells) {
            ConcurrentNavigableMap<Position, IndexedCamera> inCell = byPosition.subMap(
                    new Position(cell.rangeMin().id(), LOWEST_ID), true,
                    new Position(cell.rangeMax().id(), HIGHEST_ID), true);
            for (IndexedCamera camera : inCell.values()) {
                double distance = center.getDistance(S2LatLng.fromDegrees(camera.latitude(), camera.longitude()))
                        .radians() * EARTH_RADIUS_METERS;
                if (distance <= radiusMeters) {
                    found.add(new NearbyCamera(camera, distance));
                }
            }
        }
        return found;
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
