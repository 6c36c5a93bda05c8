package org.cameraregistry.geo.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.geometry.S2LatLng;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.cameraregistry.events.camera.CameraLevel;
import org.junit.jupiter.api.Test;

class CameraIndexTest {

    private static final double DALLAS_LAT = 32.7767;
    private static final double DALLAS_LON = -96.7970;

    private final CameraIndex index = new CameraIndex(100_000);

    @Property(tries = 200)
    void withinFindsExactlyTheCamerasInsideTheCircleNearestFirst(
            @ForAll @Size(max = 300) List<@From("aroundDallas") IndexedCamera> cameras,
            @ForAll @DoubleRange(min = -0.2, max = 0.2) double dLat,
            @ForAll @DoubleRange(min = -0.2, max = 0.2) double dLon,
            @ForAll @DoubleRange(min = 1, max = 20_000) double radius) {
        CameraIndex index = new CameraIndex(100_000);
        cameras.forEach(index::apply);
        double lat = DALLAS_LAT + dLat;
        double lon = DALLAS_LON + dLon;

        List<NearbyCamera> found = index.within(lat, lon, radius, Integer.MAX_VALUE);

        List<NearbyCamera> expected = bruteForce(cameras, lat, lon).stream()
                .filter(nearby -> nearby.distanceMeters() <= radius)
                .toList();
        assertThat(found).extracting(nearby -> nearby.camera().id())
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(nearby -> nearby.camera().id()).toList());
        assertThat(found).isSortedAccordingTo(Comparator.comparingDouble(NearbyCamera::distanceMeters));
    }

    @Property(tries = 200)
    void nearestFindsTheSameDistancesAsLookingAtEveryCamera(
            @ForAll @Size(max = 300) List<@From("aroundDallas") IndexedCamera> cameras,
            @ForAll @DoubleRange(min = -0.3, max = 0.3) double dLat,
            @ForAll @DoubleRange(min = -0.3, max = 0.3) double dLon,
            @ForAll @IntRange(min = 1, max = 50) int limit) {
        CameraIndex index = new CameraIndex(100_000);
        cameras.forEach(index::apply);
        double lat = DALLAS_LAT + dLat;
        double lon = DALLAS_LON + dLon;

        List<NearbyCamera> found = index.nearest(lat, lon, limit);

        List<Double> expected = bruteForce(cameras, lat, lon).stream()
                .filter(nearby -> nearby.distanceMeters() <= 100_000)
                .limit(limit)
                .map(NearbyCamera::distanceMeters)
                .toList();
        assertThat(found).extracting(NearbyCamera::distanceMeters).containsExactlyElementsOf(expected);
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

    @Provide
    Arbitrary<IndexedCamera> aroundDallas() {
        return Combinators.combine(
                        Arbitraries.doubles().between(-0.3, 0.3),
                        Arbitraries.doubles().between(-0.3, 0.3),
                        Arbitraries.of(CameraLevel.class))
                .as((dLat, dLon, level) -> new IndexedCamera(UUID.randomUUID(), 1, DALLAS_LAT + dLat,
                        DALLAS_LON + dLon, level));
    }

    private static List<NearbyCamera> bruteForce(List<IndexedCamera> cameras, double lat, double lon) {
        S2LatLng center = S2LatLng.fromDegrees(lat, lon);
        List<NearbyCamera> all = new ArrayList<>();
        for (IndexedCamera camera : cameras) {
            double meters = center.getDistance(S2LatLng.fromDegrees(camera.latitude(), camera.longitude())).radians()
                    * CameraIndex.EARTH_RADIUS_METERS;
            all.add(new NearbyCamera(camera, meters));
        }
        all.sort(Comparator.comparingDouble(NearbyCamera::distanceMeters));
        return all;
    }
}
