package org.cameraregistry.geo.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cameraregistry.events.camera.CameraLevel;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class CameraIndexTest {

    private static final double DALLAS_LAT = 32.7767;
    private static final double DALLAS_LON = -96.7970;
    private static final double FARTHEST = 100_000;

    private final CameraIndex index = new CameraIndex(FARTHEST);

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
     * Longitude 180 and -180 are one meridian, and the index keeps both in one column; an area
     * search still answers by the longitude each camera was given, as GeoJSON's planar shapes do.
     */
    @Test
    void areaSearchesTellLongitude180FromMinus180() {
        UUID east = UUID.randomUUID();
        UUID west = UUID.randomUUID();
        index.apply(new IndexedCamera(east, 1, -17.0, 180.0, CameraLevel.LEVEL_1));
        index.apply(new IndexedCamera(west, 1, -17.0, -180.0, CameraLevel.LEVEL_1));
        SearchPolygon eastOfFiji = new SearchPolygon(new GeometryFactory().createPolygon(new Coordinate[] {
                new Coordinate(179.5, -17.5), new Coordinate(180, -17.5), new Coordinate(180, -16.5),
                new Coordinate(179.5, -16.5), new Coordinate(179.5, -17.5)}));

        assertThat(index.withinPolygon(eastOfFiji, 10, CameraFilter.EVERY_CAMERA).cameras())
                .extracting(FoundCamera::id).containsExactly(east);
        SearchPolygon westOfFiji = new SearchPolygon(new GeometryFactory().createPolygon(new Coordinate[] {
                new Coordinate(-180, -17.5), new Coordinate(-179.5, -17.5), new Coordinate(-179.5, -16.5),
                new Coordinate(-180, -16.5), new Coordinate(-180, -17.5)}));
        assertThat(index.withinPolygon(westOfFiji, 10, CameraFilter.EVERY_CAMERA).cameras())
                .extracting(FoundCamera::id).containsExactly(west);
        assertThat(index.withinBox(new BoundingBox(-17.5, 179.5, -16.5, 180), 10, CameraFilter.EVERY_CAMERA).cameras())
                .extracting(FoundCamera::id).containsExactly(east);
        assertThat(index.withinBox(new BoundingBox(-17.5, -180, -16.5, -179.5), 10, CameraFilter.EVERY_CAMERA).cameras())
                .extracting(FoundCamera::id).containsExactly(west);
        assertThat(index.withinBox(new BoundingBox(-17.5, 179.5, -16.5, -179.5), 10, CameraFilter.EVERY_CAMERA).cameras())
                .extracting(FoundCamera::id).containsExactlyInAnyOrder(east, west);
        assertThat(index.nearest(-17.0, 179.9999, 10)).extracting(nearby -> nearby.camera().id())
                .containsExactlyInAnyOrder(east, west);
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
}
