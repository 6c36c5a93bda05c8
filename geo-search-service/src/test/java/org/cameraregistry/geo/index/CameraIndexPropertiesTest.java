package org.cameraregistry.geo.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraView;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Every query shape agrees with looking at every camera, over random cameras in places where a
 * grid of latitude and longitude is at its most awkward: at the poles, across the antimeridian,
 * and exactly on the grid's lines. Distances here come from another formula than the index's
 * (Vincenty's for the sphere), places in polygons from JTS's own test, so an answer is only right
 * if the index found exactly the cameras there are.
 */
class CameraIndexPropertiesTest {

    private static final double FARTHEST = 100_000;
    /** How far two formulas' distances may differ; cameras nearer than this to an edge are ties. */
    private static final double TOLERANCE_METERS = 1e-6;
    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    enum Region {
        DALLAS(32.7767, -96.7970),
        NORTH_POLE(89.8, 0),
        SOUTH_POLE(-89.8, 0),
        /** Fiji, where longitude jumps from 180 to -180. */
        ACROSS_THE_ANTIMERIDIAN(-17.0, 180),
        /** Places exactly on the grid's lines, where rounding decides a camera's cell. */
        ON_GRID_LINES(40.0, 10.0);

        final double lat;
        final double lon;

        Region(double lat, double lon) {
            this.lat = lat;
            this.lon = lon;
        }

        Arbitrary<double[]> places() {
            Arbitrary<Double> offset = degrees(-0.3, 0.3);
            return switch (this) {
                case NORTH_POLE -> Combinators.combine(degrees(89.7, 90.0), degrees(-180.0, 180.0))
                        .as((lat, lon) -> new double[] {lat, lon});
                case SOUTH_POLE -> Combinators.combine(degrees(-90.0, -89.7), degrees(-180.0, 180.0))
                        .as((lat, lon) -> new double[] {lat, lon});
                case ACROSS_THE_ANTIMERIDIAN -> Combinators.combine(offset, offset, Arbitraries.of(0, 0, 0, 180, -180))
                        .as((dLat, dLon, meridian) -> new double[] {lat + dLat, meridian == 0 ? wrap(lon + dLon) : meridian});
                case ON_GRID_LINES -> Combinators.combine(Arbitraries.integers().between(-60, 60),
                                Arbitraries.integers().between(-60, 60), Arbitraries.of(0.0, 1e-13, -1e-13))
                        .as((i, j, nudge) -> new double[] {lat + i / 256.0 + nudge, lon + j / 256.0 - nudge});
                default -> Combinators.combine(offset, offset).as((dLat, dLon) -> new double[] {lat + dLat, lon + dLon});
            };
        }
    }

    /** Degrees between two bounds, with every decimal a double has: no grid of round numbers. */
    static Arbitrary<Double> degrees(double min, double max) {
        return Arbitraries.doubles().between(min, max).ofScale(12);
    }

    /** Cameras somewhere, some of them at the same place, and a point among them. */
    record Scene(Region region, List<IndexedCamera> cameras, double lat, double lon) {

        CameraIndex index() {
            CameraIndex index = new CameraIndex(FARTHEST);
            // Half one at a time, half in one batch, as events and a start load them.
            index.applyAll(cameras.subList(0, cameras.size() / 2));
            cameras.subList(cameras.size() / 2, cameras.size()).forEach(index::apply);
            return index;
        }
    }

    @Provide
    Arbitrary<Scene> scenes() {
        return Arbitraries.of(Region.class).flatMap(region -> Combinators.combine(
                        region.places().list().ofMaxSize(40),
                        Arbitraries.integers().between(0, 300),
                        Arbitraries.randomValue(random -> random.nextLong()),
                        region.places())
                .as((places, count, seed, center) -> new Scene(region, cameras(places, count, seed), center[0], center[1])));
    }

    /** {@code count} cameras at places drawn from {@code places}, so that several share one. */
    private static List<IndexedCamera> cameras(List<double[]> places, int count, long seed) {
        if (places.isEmpty()) {
            return List.of();
        }
        java.util.Random random = new java.util.Random(seed);
        List<IndexedCamera> cameras = new ArrayList<>();
        CameraView[] views = CameraView.values();
        for (int i = 0; i < count; i++) {
            double[] place = places.get(random.nextInt(places.size()));
            Set<CameraView> seen = EnumSet.noneOf(CameraView.class);
            for (CameraView view : views) {
                if (random.nextInt(3) == 0) {
                    seen.add(view);
                }
            }
            cameras.add(new IndexedCamera(new UUID(random.nextLong(), random.nextLong()), 1, place[0], place[1],
                    random.nextBoolean() ? CameraLevel.LEVEL_1 : CameraLevel.LEVEL_2, seen));
        }
        return cameras;
    }

    /** Which cameras a search asks for, said twice: as the index's filter, and as this test's own check. */
    record Wanted(Set<CameraLevel> levels, Set<CameraView> views, boolean alternateStripes) {

        CameraFilter filter() {
            return CameraFilter.of(levels, views, alternateStripes ? Wanted::inEvenStripe : null);
        }

        boolean accepts(IndexedCamera camera) {
            return (levels.isEmpty() || levels.contains(camera.level()))
                    && (views.isEmpty() || camera.views().stream().anyMatch(views::contains))
                    && (!alternateStripes || inEvenStripe(camera.latitude(), camera.longitude()));
        }

        /** An area of stripes 1/1000 of a degree wide, every other one: like a jurisdiction, only stranger. */
        static boolean inEvenStripe(double latitude, double longitude) {
            return Math.floorMod((long) Math.floor(latitude * 1000), 2) == 0;
        }
    }

    @Provide
    Arbitrary<Wanted> filters() {
        return Combinators.combine(Arbitraries.of(CameraLevel.class).set(), Arbitraries.of(CameraView.class).set().ofMaxSize(2),
                Arbitraries.of(false, false, true)).as(Wanted::new);
    }

    @Property(tries = 400)
    void nearestAgreesWithLookingAtEveryCamera(@ForAll("scenes") Scene scene, @ForAll("limits") int limit,
            @ForAll("radii") double maxMeters, @ForAll("filters") Wanted wanted) {
        List<NearbyCamera> found = scene.index().nearest(scene.lat(), scene.lon(), limit, maxMeters, wanted.filter());

        List<Measured> expected = bruteForce(scene, wanted).stream()
                .filter(measured -> measured.meters() <= Math.min(maxMeters, FARTHEST)).limit(limit).toList();
        assertSameNearest(scene, found, expected);
    }

    @Property(tries = 400)
    void withinAgreesWithLookingAtEveryCamera(@ForAll("scenes") Scene scene, @ForAll("radii") double radius,
            @ForAll("limits") int limit, @ForAll("filters") Wanted wanted) {
        List<NearbyCamera> found = scene.index().within(scene.lat(), scene.lon(), radius, limit, wanted.filter());

        List<Measured> expected = bruteForce(scene, wanted).stream()
                .filter(measured -> measured.meters() <= radius).limit(limit).toList();
        assertSameNearest(scene, found, expected);
    }

    @Property(tries = 400)
    void withinABoxAgreesWithLookingAtEveryCamera(@ForAll("scenes") Scene scene, @ForAll("boxes") double[] corners,
            @ForAll("limits") int limit, @ForAll("filters") Wanted wanted) {
        double south = Math.clamp(Math.min(scene.lat() + corners[0], scene.lat() + corners[1]), -90, 90);
        double north = Math.clamp(Math.max(scene.lat() + corners[0], scene.lat() + corners[1]), -90, 90);
        BoundingBox box = new BoundingBox(south, wrap(scene.lon() - corners[2]), north, wrap(scene.lon() + corners[3]));
        Predicate<IndexedCamera> inBox = camera -> camera.latitude() >= box.south() && camera.latitude() <= box.north()
                && (box.west() <= box.east()
                ? camera.longitude() >= box.west() && camera.longitude() <= box.east()
                : camera.longitude() >= box.west() || camera.longitude() <= box.east());

        assertSameArea(scene.index().withinBox(box, limit, wanted.filter()), matching(scene, wanted, inBox), limit, scene);
    }

    @Property(tries = 400)
    void withinAPolygonAgreesWithLookingAtEveryCamera(@ForAll("scenes") Scene scene, @ForAll("stars") List<double[]> star,
            @ForAll("limits") int limit, @ForAll("filters") Wanted wanted, @ForAll boolean twoParts) {
        Geometry parts = GEOMETRIES.createMultiPolygon(new Polygon[] {polygon(scene, star, 0, -0.13), polygon(scene, star, 0, 0.13)});
        Geometry shape = twoParts && parts.isValid() ? parts : polygon(scene, star, 0, 0);
        Predicate<IndexedCamera> inShape = camera -> shape.covers(GEOMETRIES.createPoint(
                new Coordinate(camera.longitude(), camera.latitude())));

        AreaMatches found = scene.index().withinPolygon(new SearchPolygon(shape), limit, wanted.filter());

        assertSameArea(found, matching(scene, wanted, inShape), limit, scene);
    }

    @Property(tries = 300)
    void clustersAgreeWithAskingH3ForEveryCamera(@ForAll("scenes") Scene scene, @ForAll("boxes") double[] corners,
            @ForAll("resolutions") int resolution, @ForAll("filters") Wanted wanted,
            @ForAll("listedUpTo") int listedUpTo) {
        double south = Math.clamp(Math.min(scene.lat() + corners[0], scene.lat() + corners[1]), -90, 90);
        double north = Math.clamp(Math.max(scene.lat() + corners[0], scene.lat() + corners[1]), -90, 90);
        BoundingBox box = new BoundingBox(south, wrap(scene.lon() - corners[2]), north, wrap(scene.lon() + corners[3]));

        CameraClusters found = scene.index().clusters(box, resolution, listedUpTo, wanted.filter());

        assertSameClusters(found, matching(scene, wanted, camera -> box.contains(camera.latitude(), camera.longitude())),
                resolution, listedUpTo);
    }

    /**
     * Over the whole Earth, where H3's cells cross the edges of its icosahedron's faces and twelve
     * are pentagons, and just beside cells' edges and corners: every camera in the cell H3 names.
     */
    @Property(tries = 40)
    void clustersOverTheWholeEarthAgreeWithH3NearCellEdgesToo(@ForAll long seed, @ForAll("resolutions") int resolution) {
        java.util.Random random = new java.util.Random(seed);
        com.uber.h3core.H3Core h3 = H3Cells.core();
        List<IndexedCamera> cameras = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            double latitude = Math.toDegrees(Math.asin(2 * random.nextDouble() - 1));
            double longitude = 360 * random.nextDouble() - 180;
            if (i % 2 == 1) {
                // Beside a corner or the middle of an edge of the cell of a random place: 1 cm to 100 m off it.
                List<com.uber.h3core.util.LatLng> boundary = h3.cellToBoundary(h3.latLngToCell(latitude, longitude, resolution));
                com.uber.h3core.util.LatLng a = boundary.get(random.nextInt(boundary.size()));
                com.uber.h3core.util.LatLng b = boundary.get(random.nextInt(boundary.size()));
                double along = random.nextBoolean() ? 0 : 0.5;
                double off = Math.pow(10, -7 + 4 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
                latitude = Math.clamp(a.lat + along * (b.lat - a.lat) + off, -90, 90);
                longitude = wrap(a.lng + along * (b.lng - a.lng) - off);
            }
            cameras.add(new IndexedCamera(new UUID(random.nextLong(), random.nextLong()), 1, latitude, longitude,
                    CameraLevel.LEVEL_1, Set.of()));
        }
        CameraIndex index = new CameraIndex(FARTHEST);
        index.applyAll(cameras);

        CameraClusters found = index.clusters(new BoundingBox(-90, -180, 90, 180), resolution, 2, CameraFilter.EVERY_CAMERA);

        assertSameClusters(found, cameras, resolution, 2);
    }

    /** One write: a camera (one of a few dozen, so that each is written often) at a version, moved or removed. */
    record Write(int camera, long version, boolean removal, double lat, double lon, boolean batched) {
    }

    @Provide
    Arbitrary<List<Write>> histories() {
        Arbitrary<Write> write = Combinators.combine(Arbitraries.integers().between(0, 40), Arbitraries.longs().between(1, 12),
                Arbitraries.of(false, false, true), degrees(32.5, 33.0), degrees(-97.0, -96.5), Arbitraries.of(false, true))
                .as(Write::new);
        return write.list().ofMaxSize(300);
    }

    /**
     * Writes in any order, duplicated, stale, removing and bringing back cameras, some in batches:
     * the index holds exactly each camera's newest state, and knows each one's newest version.
     */
    @Property(tries = 300)
    void theIndexHoldsEachCamerasNewestStateWhateverTheOrderOfWrites(@ForAll("histories") List<Write> history) {
        UUID[] ids = new UUID[41];
        for (int c = 0; c < ids.length; c++) {
            ids[c] = new UUID(c * 7919L, c);
        }
        CameraIndex index = new CameraIndex(FARTHEST);
        java.util.Map<UUID, Write> newest = new java.util.HashMap<>();
        List<IndexedCamera> batch = new ArrayList<>();
        for (Write write : history) {
            UUID id = ids[write.camera()];
            Write held = newest.get(id);
            if (held == null || held.version() < write.version()) {
                newest.put(id, write);
            }
            if (write.removal()) {
                index.applyAll(batch);
                batch.clear();
                index.remove(id, write.version());
            } else {
                IndexedCamera camera = new IndexedCamera(id, write.version(), write.lat(), write.lon(), CameraLevel.LEVEL_1);
                if (write.batched()) {
                    batch.add(camera);
                } else {
                    index.applyAll(batch);
                    batch.clear();
                    index.apply(camera);
                }
            }
        }
        index.applyAll(batch);

        List<UUID> held = newest.entrySet().stream().filter(entry -> !entry.getValue().removal())
                .map(java.util.Map.Entry::getKey).toList();
        AreaMatches all = index.withinBox(new BoundingBox(32.0, -97.5, 33.5, -96.0), Integer.MAX_VALUE, CameraFilter.EVERY_CAMERA);
        assertThat(all.cameras()).extracting(FoundCamera::id).containsExactlyInAnyOrderElementsOf(held);
        for (FoundCamera camera : all.cameras()) {
            Write write = newest.get(camera.id());
            assertThat(camera.latitude()).isEqualTo(write.lat());
            assertThat(camera.longitude()).isEqualTo(write.lon());
        }
        assertThat(index.size()).isEqualTo(held.size());
        newest.forEach((id, write) -> {
            assertThat(index.holdsAtLeast(id, write.version())).isTrue();
            assertThat(index.holdsAtLeast(id, write.version() + 1)).isFalse();
        });
    }

    /** Enough cameras that the table from ids to slots grows several times while they come and go. */
    @Property(tries = 5)
    void manyCamerasComingAndGoingAreAllFound(@ForAll long seed) {
        CameraIndex index = new CameraIndex(FARTHEST);
        java.util.Random random = new java.util.Random(seed);
        List<UUID> kept = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            index.apply(new IndexedCamera(id, 1, 32.5 + random.nextDouble() * 0.5, -97 + random.nextDouble() * 0.5,
                    CameraLevel.LEVEL_1));
            if (i % 3 == 0) {
                index.remove(id, 2);
            } else {
                kept.add(id);
            }
        }
        assertThat(index.withinBox(new BoundingBox(32.0, -97.5, 33.5, -96.0), Integer.MAX_VALUE, CameraFilter.EVERY_CAMERA)
                .cameras()).extracting(FoundCamera::id).containsExactlyInAnyOrderElementsOf(kept);
        kept.forEach(id -> assertThat(index.holdsAtLeast(id, 1)).isTrue());
    }

    @Provide
    Arbitrary<Double> radii() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(1, 40_000).ofScale(6), Arbitraries.just(Double.MAX_VALUE));
    }

    /** H3 resolutions from continents to a few hundred metres, 9 only now and then (it nears the test's regions' spread). */
    @Provide
    Arbitrary<Integer> resolutions() {
        return Arbitraries.integers().between(0, 9);
    }

    @Provide
    Arbitrary<Integer> listedUpTo() {
        return Arbitraries.integers().between(0, 6);
    }

    @Provide
    Arbitrary<Integer> limits() {
        return Arbitraries.oneOf(Arbitraries.integers().between(1, 60), Arbitraries.just(Integer.MAX_VALUE));
    }

    /** South and north offsets, then how far west and east of the centre: sometimes across the antimeridian. */
    @Provide
    Arbitrary<double[]> boxes() {
        Arbitrary<Double> offset = degrees(-0.4, 0.4);
        Arbitrary<Double> reach = degrees(0, 0.4);
        return Combinators.combine(offset, offset, reach, reach).as((a, b, w, e) -> new double[] {a, b, w, e});
    }

    /** A star-shaped ring: a radius (degrees) for each of some angles going round, so it never crosses itself. */
    @Provide
    Arbitrary<List<double[]>> stars() {
        return Combinators.combine(degrees(0.001, 0.12), degrees(0, 6.283))
                .as((radius, angle) -> new double[] {radius, angle}).list().ofMinSize(3).ofMaxSize(12);
    }

    /**
     * The star as a polygon centred {@code dLat, dLon} from the scene's point, kept off the poles
     * and on one side of the antimeridian, as a planar GeoJSON polygon must be.
     */
    private static Polygon polygon(Scene scene, List<double[]> star, double dLat, double dLon) {
        double centerLat = Math.clamp(scene.lat() + dLat, -89.8, 89.8);
        double centerLon = Math.clamp(scene.lon() + dLon, -179.8, 179.8);
        List<double[]> sorted = new ArrayList<>(star);
        sorted.sort(Comparator.comparingDouble(point -> point[1]));
        Coordinate[] ring = new Coordinate[sorted.size() + 1];
        for (int i = 0; i < sorted.size(); i++) {
            double radius = sorted.get(i)[0];
            double angle = sorted.get(i)[1];
            ring[i] = new Coordinate(Math.clamp(centerLon + radius * Math.cos(angle), -180, 180),
                    Math.clamp(centerLat + radius * Math.sin(angle), -90, 90));
        }
        ring[sorted.size()] = ring[0];
        LinearRing shell = GEOMETRIES.createLinearRing(ring);
        Polygon polygon = GEOMETRIES.createPolygon(shell);
        if (polygon.isValid()) {
            return polygon;
        }
        // Angles too close to make a ring: a small square instead.
        double side = 0.01;
        return GEOMETRIES.createPolygon(new Coordinate[] {new Coordinate(centerLon - side, centerLat - side),
                new Coordinate(centerLon + side, centerLat - side), new Coordinate(centerLon + side, centerLat + side),
                new Coordinate(centerLon - side, centerLat + side), new Coordinate(centerLon - side, centerLat - side)});
    }

    record Measured(IndexedCamera camera, double meters) {
    }

    private static List<Measured> bruteForce(Scene scene, Wanted wanted) {
        return matching(scene, wanted, camera -> true).stream()
                .map(camera -> new Measured(camera, vincenty(scene.lat(), scene.lon(), camera.latitude(), camera.longitude())))
                .sorted(Comparator.comparingDouble(Measured::meters).thenComparing(measured -> measured.camera().id()))
                .toList();
    }

    private static List<IndexedCamera> matching(Scene scene, Wanted wanted, Predicate<IndexedCamera> inArea) {
        return scene.cameras().stream().filter(wanted::accepts).filter(inArea).toList();
    }

    /**
     * The same cameras in the same order, but where two formulas cannot tell distances apart: there
     * either of two cameras as near is right.
     */
    private static void assertSameNearest(Scene scene, List<NearbyCamera> found, List<Measured> expected) {
        assertThat(found).as("%s: %d found, %d expected", scene.region(), found.size(), expected.size())
                .hasSameSizeAs(expected);
        assertNoneTwice(found.stream().map(nearby -> nearby.camera().id()).toList());
        for (int i = 0; i < found.size(); i++) {
            NearbyCamera nearby = found.get(i);
            Measured wanted = expected.get(i);
            assertThat(nearby.distanceMeters()).as("%s: distance of the camera at %d", scene.region(), i)
                    .isCloseTo(wanted.meters(), org.assertj.core.data.Offset.offset(TOLERANCE_METERS));
            double ownDistance = vincenty(scene.lat(), scene.lon(), nearby.camera().latitude(), nearby.camera().longitude());
            assertThat(ownDistance).as("%s: the camera answered is as far as it says", scene.region())
                    .isCloseTo(nearby.distanceMeters(), org.assertj.core.data.Offset.offset(TOLERANCE_METERS));
            if (!nearby.camera().id().equals(wanted.camera().id())) {
                assertThat(Math.abs(ownDistance - wanted.meters())).as("%s: a different camera at %d, not a tie",
                        scene.region(), i).isLessThanOrEqualTo(TOLERANCE_METERS);
            }
            assertThat(scene.cameras().stream().map(CameraIndexPropertiesTest::found))
                    .as("the camera answered, as it was given").contains(nearby.camera());
        }
    }

    private static void assertSameArea(AreaMatches found, List<IndexedCamera> expected, int limit, Scene scene) {
        assertThat(found.total()).as("%s: how many in the area", scene.region()).isEqualTo(expected.size());
        assertThat(found.cameras()).as("%s: the cameras answered", scene.region())
                .hasSize(Math.min(limit, expected.size()));
        assertNoneTwice(found.cameras().stream().map(FoundCamera::id).toList());
        assertThat(expected.stream().map(CameraIndexPropertiesTest::found))
                .as("%s: every camera answered is in the area", scene.region()).containsAll(found.cameras());
    }

    /**
     * The clusters H3 itself makes of {@code expected}: the same cells, each with as many cameras,
     * the cameras listed where there are no more than {@code listedUpTo}, and the centroid theirs.
     */
    private static void assertSameClusters(CameraClusters found, List<IndexedCamera> expected, int resolution,
            int listedUpTo) {
        com.uber.h3core.H3Core h3 = H3Cells.core();
        java.util.Map<String, List<IndexedCamera>> byCell = new java.util.TreeMap<>();
        for (IndexedCamera camera : expected) {
            byCell.computeIfAbsent(h3.latLngToCellAddress(camera.latitude(), camera.longitude(), resolution),
                    cell -> new ArrayList<>()).add(camera);
        }
        assertThat(found.resolution()).isEqualTo(resolution);
        assertThat(found.total()).as("how many in the box").isEqualTo(expected.size());
        assertThat(found.clusters().stream().map(CameraCluster::cell).toList()).as("the cells, in order")
                .containsExactlyElementsOf(byCell.keySet());
        for (CameraCluster cluster : found.clusters()) {
            List<IndexedCamera> inCell = byCell.get(cluster.cell());
            assertThat(cluster.count()).as("cameras in %s", cluster.cell()).isEqualTo(inCell.size());
            if (inCell.size() <= listedUpTo) {
                assertThat(cluster.cameras()).as("the cameras of %s", cluster.cell())
                        .containsExactlyInAnyOrderElementsOf(inCell.stream().map(CameraIndexPropertiesTest::found).toList());
            } else {
                assertThat(cluster.cameras()).as("too many in %s to list", cluster.cell()).isEmpty();
            }
            double x = 0;
            double y = 0;
            double z = 0;
            for (IndexedCamera camera : inCell) {
                double phi = Math.toRadians(camera.latitude());
                double lambda = Math.toRadians(camera.longitude());
                x += Math.cos(phi) * Math.cos(lambda);
                y += Math.cos(phi) * Math.sin(lambda);
                z += Math.sin(phi);
            }
            double length = Math.sqrt(x * x + y * y + z * z);
            if (length > 1e-3 * inCell.size()) {
                double meters = vincenty(cluster.latitude(), cluster.longitude(),
                        Math.toDegrees(Math.asin(z / length)), Math.toDegrees(Math.atan2(y, x)));
                assertThat(meters).as("the centroid of %s", cluster.cell()).isLessThan(5.0);
            }
        }
    }

    /** A camera as an answer shows it. */
    private static FoundCamera found(IndexedCamera camera) {
        return new FoundCamera(camera.id(), camera.latitude(), camera.longitude(), camera.level(), camera.views());
    }

    private static void assertNoneTwice(List<UUID> ids) {
        assertThat(new HashSet<>(ids)).as("a camera answered twice").hasSameSizeAs(ids);
    }

    /** Vincenty's formula on the sphere: well conditioned at every distance, and not the index's haversine. */
    static double vincenty(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dLambda = Math.toRadians(lon2 - lon1);
        double a = Math.cos(phi2) * Math.sin(dLambda);
        double b = Math.cos(phi1) * Math.sin(phi2) - Math.sin(phi1) * Math.cos(phi2) * Math.cos(dLambda);
        double c = Math.sin(phi1) * Math.sin(phi2) + Math.cos(phi1) * Math.cos(phi2) * Math.cos(dLambda);
        return Math.atan2(Math.hypot(a, b), c) * GreatCircle.EARTH_RADIUS_METERS;
    }

    private static double wrap(double longitude) {
        return longitude > 180 ? longitude - 360 : longitude < -180 ? longitude + 360 : longitude;
    }
}
