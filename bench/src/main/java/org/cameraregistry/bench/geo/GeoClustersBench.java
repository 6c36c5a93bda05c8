package org.cameraregistry.bench.geo;

import com.uber.h3core.H3Core;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cameraregistry.bench.geo.CameraPlaces.Layout;
import org.cameraregistry.geo.index.BoundingBox;
import org.cameraregistry.geo.index.CameraClusters;
import org.cameraregistry.geo.index.CameraFilter;
import org.cameraregistry.geo.index.CameraIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A map of a whole state: every camera of the Texas-sized area counted per H3 cell, as
 * {@code GET /api/search/clusters} does for a map at zoom 6 (resolution 3) and 7 to 8
 * (resolution 4), one thread. Beside it, the way such counts are usually made, H3 asked for each
 * camera's cell and the cells counted in a hash map (as a search engine's H3 grid aggregation does
 * per document), over the same cameras in arrays.
 *
 * <p>{@code java -cp bench/target/bench.jar org.openjdk.jmh.Main GeoClustersBench}, after
 * {@code ./mvnw package -DskipTests}; docs/benchmarks.md has the figures.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
public class GeoClustersBench {

    private static final BoundingBox STATE = new BoundingBox(CameraPlaces.SOUTH, CameraPlaces.WEST,
            CameraPlaces.NORTH, CameraPlaces.EAST);
    /** As many cameras as the service lists in a cell of few. */
    private static final int LISTED_UP_TO = 5;

    @State(Scope.Benchmark)
    public static class Cameras {

        @Param({"100000", "1000000"})
        public int cameras;

        @Param({"UNIFORM", "CLUSTERED"})
        public Layout layout;

        @Param({"3", "4"})
        public int resolution;

        CameraPlaces places;
        CameraIndex index;
        H3Core h3;

        @Setup(Level.Trial)
        public void build() throws IOException {
            places = CameraPlaces.of(cameras, layout, 42);
            index = CameraIndexes.of(places, 100_000);
            h3 = H3Core.newInstance();
        }
    }

    @Benchmark
    public CameraClusters stateMap_ours(Cameras cameras) {
        return cameras.index.clusters(STATE, cameras.resolution, LISTED_UP_TO, CameraFilter.EVERY_CAMERA);
    }

    @Benchmark
    public Map<Long, int[]> stateMap_h3PerCamera(Cameras cameras) {
        Map<Long, int[]> counts = new HashMap<>();
        double[] lat = cameras.places.lat;
        double[] lon = cameras.places.lon;
        for (int i = 0; i < lat.length; i++) {
            if (STATE.contains(lat[i], lon[i])) {
                counts.computeIfAbsent(cameras.h3.latLngToCell(lat[i], lon[i], cameras.resolution), cell -> new int[1])[0]++;
            }
        }
        return counts;
    }
}
