package org.cameraregistry.bench.geo;

import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.search.TopFieldDocs;
import org.cameraregistry.bench.geo.CameraPlaces.Layout;
import org.cameraregistry.events.camera.CameraLevel;
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
 * The 10 nearest cameras among 1,000,000 clustered ones, asked by one thread and then by two (this
 * machine's cores), while a writer moves 200 cameras a second: do reads scale, and do writes slow
 * them? Lucene beside it, its writer replacing documents and reopening its reader as often.
 *
 * <p>{@code java -cp bench/target/bench.jar org.openjdk.jmh.Main GeoIndexConcurrencyBench -t 1}, then {@code -t 2}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
public class GeoIndexConcurrencyBench {

    private static final int QUESTIONS = 4096;
    private static final int WRITES_PER_SECOND = 200;

    @State(Scope.Benchmark)
    public static class Cameras {

        @Param({"1000000"})
        public int cameras;

        @Param({"CLUSTERED"})
        public Layout layout;

        CameraPlaces places;
        double[][] questions;

        @Setup(Level.Trial)
        public void generate() {
            places = CameraPlaces.of(cameras, layout, 42);
            questions = places.questions(QUESTIONS, 7);
        }
    }

    /** Moves one camera 100 m and back every 5 ms, on a thread of its own, for the whole trial. */
    abstract static class Writing {

        private ScheduledExecutorService writer;
        final AtomicInteger moved = new AtomicInteger();

        void startWriting(CameraPlaces places) {
            writer = Executors.newSingleThreadScheduledExecutor();
            writer.scheduleAtFixedRate(() -> {
                int n = moved.getAndIncrement();
                int camera = n % places.size();
                double lat = places.lat[camera] + ((n / places.size()) % 2 == 0 ? CameraPlaces.metersToLatitude(100) : 0);
                move(places.ids[camera], lat, places.lon[camera]);
            }, 0, 1_000_000 / WRITES_PER_SECOND, TimeUnit.MICROSECONDS);
        }

        abstract void move(UUID id, double lat, double lon);

        @TearDown(Level.Trial)
        public void stopWriting() throws Exception {
            writer.shutdownNow();
            writer.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @State(Scope.Benchmark)
    public static class Ours extends Writing {

        CameraIndex index;
        private final AtomicLong versions = new AtomicLong(1);

        @Setup(Level.Trial)
        public void build(Cameras cameras) {
            index = CameraIndexes.of(cameras.places, 100_000);
            startWriting(cameras.places);
        }

        @Override
        void move(UUID id, double lat, double lon) {
            index.apply(new IndexedCamera(id, versions.incrementAndGet(), lat, lon, CameraLevel.LEVEL_1));
        }
    }

    @State(Scope.Benchmark)
    public static class Lucene extends Writing {

        LuceneCameras lucene;

        @Setup(Level.Trial)
        public void build(Cameras cameras) {
            lucene = new LuceneCameras(cameras.places, true);
            startWriting(cameras.places);
        }

        @Override
        void move(UUID id, double lat, double lon) {
            lucene.move(id.toString(), lat, lon);
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            stopWriting();
            lucene.close();
        }
    }

    @State(Scope.Thread)
    public static class Turn {

        int question = (int) (Math.random() * QUESTIONS);

        double[] next(Cameras cameras) {
            return cameras.questions[question++ & (QUESTIONS - 1)];
        }
    }

    @Benchmark
    public java.util.List<NearbyCamera> nearest10WhileWriting_ours(Cameras cameras, Ours ours, Turn turn) {
        double[] q = turn.next(cameras);
        return ours.index.nearest(q[0], q[1], 10);
    }

    @Benchmark
    public TopFieldDocs nearest10WhileWriting_lucene(Cameras cameras, Lucene lucene, Turn turn) {
        double[] q = turn.next(cameras);
        return lucene.lucene.nearest(q[0], q[1], 10);
    }
}
