package org.cameraregistry.geo.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.geometry.S2LatLng;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cameraregistry.events.camera.CameraLevel;
import org.junit.jupiter.api.Test;

class CameraIndexTest {

    private static final double DALLAS_LAT = 32.7767;
    private static final double DALLAS_LON = -96.7970;
    private static final double FARTHEST = 100_000;

    private final CameraIndex index = new CameraIndex(FARTHEST);

    /**
     * Places where spherical geometry and the S2 curve are at their most awkward, and one where
     * they are not: each spreads cameras and search centres over about 0.3 degrees around it.
     */
    enum Region {
        DALLAS,
        NORTH_POLE,
        SOUTH_POLE,
        /** Fiji, where longitude jumps from 180 to -180. */
        ACROSS_THE_ANTIMERIDIAN,
        /** Where three faces of the S2 cube meet. */
        S2_FACE_CORNER,
        /** On the equator, where two faces of the S2 cube meet. */
        S2_FACE_EDGE;

        Arbitrary<double[]> places() {
            Arbitrary<Double> offset = Arbitraries.doubles().between(-0.3, 0.3);
            return switch (this) {
                case DALLAS -> around(DALLAS_LAT, DALLAS_LON, offset);
                case NORTH_POLE -> Combinators.combine(Arbitraries.doubles().between(89.7, 90.0),
                        Arbitraries.doubles().between(-180.0, 180.0)).as((lat, lon) -> new double[] {lat, lon});
                case SOUTH_POLE -> Combinators.combine(Arbitraries.doubles().between(-90.0, -89.7),
                        Arbitraries.doubles().between(-180.0, 180.0)).as((lat, lon) -> new double[] {lat, lon});
                case ACROSS_THE_ANTIMERIDIAN -> Combinators.combine(offset, offset)
                        .as((dLat, dLon) -> new double[] {-17.0 + dLat, dLon >= 0 ? -180.0 + dLon : 180.0 + dLon});
                case S2_FACE_CORNER -> around(Math.toDegrees(Math.asin(1 / Math.sqrt(3))), 45.0, offset);
                case S2_FACE_EDGE -> around(0.0, 45.0, offset);
            };
        }

        private static Arbitrary<double[]> around(double lat, double lon, Arbitrary<Double> offset) {
            return Combinators.combine(offset, offset).as((dLat, dLon) -> new double[] {lat + dLat, lon + dLon});
        }
    }

    /** Cameras somewhere, and a search centred among them. */
    record Scene(Region region, List<IndexedCamera> cameras, double lat, double lon) {

        CameraIndex index() {
            CameraIndex index = new CameraIndex(FARTHEST);
            cameras.forEach(index::apply);
            return index;
        }
    }

    @Provide
    Arbitrary<Scene> scenes() {
        return Arbitraries.of(Region.class).flatMap(region -> Combinators.combine(
                        region.places().map(place -> new IndexedCamera(UUID.randomUUID(), 1, place[0], place[1],
                                CameraLevel.LEVEL_1)).list().ofMaxSize(300),
                        region.places())
                .as((cameras, center) -> new Scene(region, cameras, center[0], center[1])));
    }

    @Property(tries = 300)
    void withinFindsExactlyTheCamerasInsideTheCircleNearestFirst(@ForAll("scenes") Scene scene,
            @ForAll("radii") double radius) {
        List<NearbyCamera> found = scene.index().within(scene.lat(), scene.lon(), radius, Integer.MAX_VALUE);

        List<NearbyCamera> expected = bruteForce(scene).stream().filter(nearby -> nearby.distanceMeters() <= radius).toList();
        assertThat(ids(found)).as(scene.region().name()).containsExactlyInAnyOrderElementsOf(ids(expected));
        assertThat(found).isSortedAccordingTo(Comparator.comparingDouble(NearbyCamera::distanceMeters));
    }

    @Property(tries = 300)
    void withinKeepsOnlyTheNearestUpToItsLimit(@ForAll("scenes") Scene scene, @ForAll("radii") double radius,
            @ForAll("limits") int limit) {
        List<NearbyCamera> found = scene.index().within(scene.lat(), scene.lon(), radius, limit);

        List<Double> expected = bruteForce(scene).stream().map(NearbyCamera::distanceMeters)
                .filter(distance -> distance <= radius).limit(limit).toList();
        assertThat(found).as(scene.region().name()).extracting(NearbyCamera::distanceMeters)
                .containsExactlyElementsOf(expected);
    }

    @Property(tries = 300)
    void nearestFindsTheSameDistancesAsLookingAtEveryCamera(@ForAll("scenes") Scene scene, @ForAll("limits") int limit) {
        List<NearbyCamera> found = scene.index().nearest(scene.lat(), scene.lon(), limit);

        List<Double> expected = bruteForce(scene).stream().map(NearbyCamera::distanceMeters)
                .filter(distance -> distance <= FARTHEST).limit(limit).toList();
        assertThat(found).as(scene.region().name()).extracting(NearbyCamera::distanceMeters)
                .containsExactlyElementsOf(expected);
    }

    @Provide
    Arbitrary<Double> radii() {
        return Arbitraries.doubles().between(1, 40_000);
    }

    @Provide
    Arbitrary<Integer> limits() {
        return Arbitraries.integers().between(1, 60);
    }

    @Test
    void searchesWhereThereAreNoCamerasAnswerNothing() {
        index.apply(new IndexedCamera(UUID.randomUUID(), 1, DALLAS_LAT, DALLAS_LON, CameraLevel.LEVEL_1));

        assertThat(index.within(-45.0, 170.0, 50_000, 10)).isEmpty();
        assertThat(index.nearest(-45.0, 170.0, 10)).isEmpty();
        assertThat(new CameraIndex(FARTHEST).nearest(DALLAS_LAT, DALLAS_LON, 10)).isEmpty();
    }

    @Test
    void aMovedCameraIsFoundAtItsNewPlaceOnly() {
        UUID id = UUID.randomUUID();
        index.apply(new IndexedCamera(id, 1, DALLAS_LAT, DALLAS_LON, CameraLevel.LEVEL_1));
        index.apply(new IndexedCamera(id, 2, 32.8500, -96.8500, CameraLevel.LEVEL_2));

        assertThat(index.within(DALLAS_LAT, DALLAS_LON, 1000, 10)).isEmpty();
        assertThat(index.within(32.8500, -96.8500, 10, 10)).singleElement()
                .satisfies(nearby -> assertThat(nearby.camera().level()).isEqualTo(CameraLevel.LEVEL_2));
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void anOlderOrRepeatedVersionChangesNothing() {
        UUID id = UUID.randomUUID();
        index.apply(new IndexedCamera(id, 2, DALLAS_LAT, DALLAS_LON, CameraLevel.LEVEL_1));

        assertThat(index.apply(new IndexedCamera(id, 1, 32.9, -96.9, CameraLevel.LEVEL_1))).isFalse();
        assertThat(index.apply(new IndexedCamera(id, 2, 32.9, -96.9, CameraLevel.LEVEL_1))).isFalse();

        assertThat(index.within(DALLAS_LAT, DALLAS_LON, 1, 10)).hasSize(1);
    }

    @Test
    void aRemovedCameraStaysRemovedWhenAnOlderVersionArrivesLate() {
        UUID id = UUID.randomUUID();
        index.apply(new IndexedCamera(id, 1, DALLAS_LAT, DALLAS_LON, CameraLevel.LEVEL_1));

        assertThat(index.remove(id, 3)).isTrue();
        assertThat(index.apply(new IndexedCamera(id, 2, DALLAS_LAT, DALLAS_LON, CameraLevel.LEVEL_1))).isFalse();

        assertThat(index.nearest(DALLAS_LAT, DALLAS_LON, 5)).isEmpty();
        assertThat(index.size()).isZero();
    }

    @Test
    void nearestLooksNoFartherThanItsLimit() {
        CameraIndex shortSighted = new CameraIndex(1_000);
        shortSighted.apply(new IndexedCamera(UUID.randomUUID(), 1, DALLAS_LAT + 0.05, DALLAS_LON, CameraLevel.LEVEL_1));

        assertThat(shortSighted.nearest(DALLAS_LAT, DALLAS_LON, 1)).isEmpty();
    }

    @Test
    void camerasAtTheSamePlaceAreAllKept() {
        index.apply(new IndexedCamera(UUID.randomUUID(), 1, DALLAS_LAT, DALLAS_LON, CameraLevel.LEVEL_1));
        index.apply(new IndexedCamera(UUID.randomUUID(), 1, DALLAS_LAT, DALLAS_LON, CameraLevel.LEVEL_2));

        assertThat(index.nearest(DALLAS_LAT, DALLAS_LON, 10)).hasSize(2);
    }

    /**
     * Cameras keep moving between two places, both inside every search's circle, while searches
     * run: each search must find every camera exactly once, wherever it is at that moment.
     */
    @Test
    void camerasMovingDuringSearchesAreFoundExactlyOnce() throws Exception {
        int cameras = 60;
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < cameras; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            index.apply(place(id, 1, i));
        }
        AtomicBoolean searching = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<?> mover = threads.submit(() -> {
                for (long version = 2; searching.get(); version++) {
                    for (int i = 0; i < cameras; i++) {
                        index.apply(place(ids.get(i), version, i));
                    }
                }
            });
            List<Future<?>> searchers = new ArrayList<>();
            for (int searcher = 0; searcher < 2; searcher++) {
                searchers.add(threads.submit(() -> {
                    for (int round = 0; round < 2_000; round++) {
                        assertThat(ids(index.within(DALLAS_LAT, DALLAS_LON, 10_000, 1_000)))
                                .as("within, round %d", round).containsExactlyInAnyOrderElementsOf(ids);
                        assertThat(ids(index.nearest(DALLAS_LAT, DALLAS_LON, cameras)))
                                .as("nearest, round %d", round).containsExactlyInAnyOrderElementsOf(ids);
                    }
                }));
            }
            for (Future<?> searcher : searchers) {
                searcher.get(2, TimeUnit.MINUTES);
            }
            searching.set(false);
            mover.get(1, TimeUnit.MINUTES);
        } finally {
            searching.set(false);
            threads.shutdownNow();
        }
    }

    /** Camera {@code i} at one of two places a few kilometres apart, by the parity of its version. */
    private static IndexedCamera place(UUID id, long version, int i) {
        double spread = (i - 30) * 0.001;
        return version % 2 == 0
                ? new IndexedCamera(id, version, DALLAS_LAT + 0.03 + spread, DALLAS_LON - 0.02, CameraLevel.LEVEL_1)
                : new IndexedCamera(id, version, DALLAS_LAT - 0.03 + spread, DALLAS_LON + 0.02, CameraLevel.LEVEL_1);
    }

    private static List<UUID> ids(List<NearbyCamera> found) {
        List<UUID> ids = found.stream().map(nearby -> nearby.camera().id()).toList();
        Set<UUID> distinct = new HashSet<>(ids);
        assertThat(distinct).as("a camera found twice").hasSameSizeAs(ids);
        return ids;
    }

    private static List<NearbyCamera> bruteForce(Scene scene) {
        S2LatLng center = S2LatLng.fromDegrees(scene.lat(), scene.lon());
        List<NearbyCamera> all = new ArrayList<>();
        for (IndexedCamera camera : scene.cameras()) {
            double meters = center.getDistance(S2LatLng.fromDegrees(camera.latitude(), camera.longitude())).radians()
                    * CameraIndex.EARTH_RADIUS_METERS;
            all.add(new NearbyCamera(camera, meters));
        }
        all.sort(Comparator.comparingDouble(NearbyCamera::distanceMeters));
        return all;
    }
}
