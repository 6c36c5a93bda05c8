package org.cameraregistry.bench.geo;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.search.TopFieldDocs;
import org.cameraregistry.bench.geo.CameraPlaces.Layout;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.geo.index.AreaMatches;
import org.cameraregistry.geo.index.CameraFilter;
import org.cameraregistry.geo.index.CameraIndex;
import org.cameraregistry.geo.index.IndexedCamera;
import org.cameraregistry.geo.index.NearbyCamera;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * geo-search's {@link CameraIndex} beside Lucene's {@link LatLonPoint} and brute force, on the
 * same cameras and the same questions, one thread, one JVM per benchmark. Every question is near
 * a camera (as incidents are near the cameras that matter); 4,096 of them are asked in turn.
 *
 * <p>Each shape asks the same of all three: the k nearest with their distances; every camera
 * within a radius (at most 5,000; the index also measures and sorts them, Lucene and brute force
 * only find them); the first 1,000 cameras in a 2 km box or a neighbourhood polygon and how many
 * there are; one camera moved 100 m, until a search sees it (Lucene: the document replaced and the
 * reader reopened).
 *
 * <p>The heap is touched whole at start ({@code -XX:+AlwaysPreTouch}): on this machine the kernel's
 * first touch of each page costs so much that a benchmark allocating through fresh heap measured
 * the page faults, not the search (a radius search swung between 90 µs and 2 ms from one
 * iteration to the next, with 40 % of the CPU in the kernel).
 *
 * <p>{@code java -cp bench/target/bench.jar org.openjdk.jmh.Main GeoIndexBench}, after
 * {@code ./mvnw package -DskipTests}; docs/benchmarks.md has the figures.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
public class GeoIndexBench {

    private static final int QUESTIONS = 4096;
    private static final int AREA_LIMIT = 1_000;
    private static final int RADIUS_LIMIT = 5_000;
    private static final double FARTHEST_METERS = 100_000;

    @State(Scope.Benchmark)
    public static class Cameras {

        @Param({"10000", "100000", "1000000"})
        public int cameras;

        @Param({"UNIFORM", "CLUSTERED"})
        public Layout layout;

        CameraPlaces places;
        Question[] questions;

        @Setup(Level.Trial)
        public void generate() {
            places = CameraPlaces.of(cameras, layout, 42);
            double[][] points = places.questions(QUESTIONS, 7);
            questions = new Question[QUESTIONS];
            for (int q = 0; q < QUESTIONS; q++) {
                questions[q] = Question.at(points[q][0], points[q][1], q);
            }
        }
    }

    @State(Scope.Benchmark)
    public static class Ours {

        CameraIndex index;
        final AtomicLong versions = new AtomicLong(1);

        @Setup(Level.Trial)
        public void build(Cameras cameras) {
            index = CameraIndexes.of(cameras.places, FARTHEST_METERS);
        }
    }

    @State(Scope.Benchmark)
    public static class Lucene {

        LuceneCameras lucene;

        @Setup(Level.Trial)
        public void build(Cameras cameras) {
            lucene = new LuceneCameras(cameras.places, true);
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            lucene.close();
        }
    }

    @State(Scope.Benchmark)
    public static class BruteForce {

        BruteForceCameras brute;

        @Setup(Level.Trial)
        public void build(Cameras cameras) {
            brute = new BruteForceCameras(cameras.places);
        }
    }

    /** Each thread's turn through the questions, and through the cameras it moves. */
    @State(Scope.Thread)
    public static class Turn {

        int question;
        int moved;

        Question next(Cameras cameras) {
            return cameras.questions[question++ & (QUESTIONS - 1)];
        }

        /** The next camera to move: 100 m north, or back again on its next turn. */
        int nextMoved(Cameras cameras) {
            return moved++ % cameras.places.size();
        }

        double movedLatitude(Cameras cameras, int camera) {
            int round = (moved - 1) / cameras.places.size();
            return cameras.places.lat[camera] + (round % 2 == 0 ? CameraPlaces.metersToLatitude(100) : 0);
        }
    }

    // k = 10 nearest

    @Benchmark
    public List<NearbyCamera> nearest10_ours(Cameras cameras, Ours ours, Turn turn) {
        Question q = turn.next(cameras);
        return ours.index.nearest(q.lat(), q.lon(), 10);
    }

    @Benchmark
    public TopFieldDocs nearest10_lucene(Cameras cameras, Lucene lucene, Turn turn) {
        Question q = turn.next(cameras);
        return lucene.lucene.nearest(q.lat(), q.lon(), 10);
    }

    @Benchmark
    public double[] nearest10_bruteForce(Cameras cameras, BruteForce brute, Turn turn) {
        Question q = turn.next(cameras);
        return brute.brute.nearest(q.lat(), q.lon(), 10);
    }

    // k = 50 nearest

    @Benchmark
    public List<NearbyCamera> nearest50_ours(Cameras cameras, Ours ours, Turn turn) {
        Question q = turn.next(cameras);
        return ours.index.nearest(q.lat(), q.lon(), 50);
    }

    @Benchmark
    public TopFieldDocs nearest50_lucene(Cameras cameras, Lucene lucene, Turn turn) {
        Question q = turn.next(cameras);
        return lucene.lucene.nearest(q.lat(), q.lon(), 50);
    }

    @Benchmark
    public double[] nearest50_bruteForce(Cameras cameras, BruteForce brute, Turn turn) {
        Question q = turn.next(cameras);
        return brute.brute.nearest(q.lat(), q.lon(), 50);
    }

    // within 500 m

    @Benchmark
    public List<NearbyCamera> radius500m_ours(Cameras cameras, Ours ours, Turn turn) {
        Question q = turn.next(cameras);
        return ours.index.within(q.lat(), q.lon(), 500, RADIUS_LIMIT);
    }

    @Benchmark
    public LuceneCameras.FirstDocs radius500m_lucene(Cameras cameras, Lucene lucene, Turn turn) {
        Question q = turn.next(cameras);
        return lucene.lucene.search(LatLonPoint.newDistanceQuery(LuceneCameras.PLACE, q.lat(), q.lon(), 500), RADIUS_LIMIT);
    }

    @Benchmark
    public int radius500m_bruteForce(Cameras cameras, BruteForce brute, Turn turn) {
        Question q = turn.next(cameras);
        return brute.brute.within(q.lat(), q.lon(), 500);
    }

    // within 2 km

    @Benchmark
    public List<NearbyCamera> radius2km_ours(Cameras cameras, Ours ours, Turn turn) {
        Question q = turn.next(cameras);
        return ours.index.within(q.lat(), q.lon(), 2_000, RADIUS_LIMIT);
    }

    @Benchmark
    public LuceneCameras.FirstDocs radius2km_lucene(Cameras cameras, Lucene lucene, Turn turn) {
        Question q = turn.next(cameras);
        return lucene.lucene.search(LatLonPoint.newDistanceQuery(LuceneCameras.PLACE, q.lat(), q.lon(), 2_000), RADIUS_LIMIT);
    }

    @Benchmark
    public int radius2km_bruteForce(Cameras cameras, BruteForce brute, Turn turn) {
        Question q = turn.next(cameras);
        return brute.brute.within(q.lat(), q.lon(), 2_000);
    }

    // a 2 km box

    @Benchmark
    public AreaMatches box2km_ours(Cameras cameras, Ours ours, Turn turn) {
        Question q = turn.next(cameras);
        return ours.index.withinBox(q.box(), AREA_LIMIT, CameraFilter.EVERY_CAMERA);
    }

    @Benchmark
    public LuceneCameras.FirstDocs box2km_lucene(Cameras cameras, Lucene lucene, Turn turn) {
        Question q = turn.next(cameras);
        return lucene.lucene.search(LatLonPoint.newBoxQuery(LuceneCameras.PLACE, q.box().south(), q.box().north(),
                q.box().west(), q.box().east()), AREA_LIMIT);
    }

    @Benchmark
    public int box2km_bruteForce(Cameras cameras, BruteForce brute, Turn turn) {
        Question q = turn.next(cameras);
        return brute.brute.inBox(q.box());
    }

    // a neighbourhood polygon

    @Benchmark
    public AreaMatches polygon_ours(Cameras cameras, Ours ours, Turn turn) {
        Question q = turn.next(cameras);
        return ours.index.withinPolygon(q.polygon(), AREA_LIMIT, CameraFilter.EVERY_CAMERA);
    }

    @Benchmark
    public LuceneCameras.FirstDocs polygon_lucene(Cameras cameras, Lucene lucene, Turn turn) {
        Question q = turn.next(cameras);
        return lucene.lucene.search(LatLonPoint.newPolygonQuery(LuceneCameras.PLACE, q.lucenePolygon()), AREA_LIMIT);
    }

    @Benchmark
    public int polygon_bruteForce(Cameras cameras, BruteForce brute, Turn turn) {
        Question q = turn.next(cameras);
        return brute.brute.inPolygon(q.polygon());
    }

    // one camera moved, until searches see it

    @Benchmark
    public boolean update_ours(Cameras cameras, Ours ours, Turn turn) {
        int camera = turn.nextMoved(cameras);
        UUID id = cameras.places.ids[camera];
        return ours.index.apply(new IndexedCamera(id, ours.versions.incrementAndGet(),
                turn.movedLatitude(cameras, camera), cameras.places.lon[camera], CameraLevel.LEVEL_1));
    }

    @Benchmark
    public void update_lucene(Cameras cameras, Lucene lucene, Turn turn) {
        int camera = turn.nextMoved(cameras);
        lucene.lucene.move(cameras.places.ids[camera].toString(), turn.movedLatitude(cameras, camera),
                cameras.places.lon[camera]);
    }

    @Benchmark
    public void update_bruteForce(Cameras cameras, BruteForce brute, Turn turn) {
        int camera = turn.nextMoved(cameras);
        brute.brute.move(camera, turn.movedLatitude(cameras, camera), cameras.places.lon[camera]);
    }
}
