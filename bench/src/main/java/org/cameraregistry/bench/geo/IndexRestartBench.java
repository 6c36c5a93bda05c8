package org.cameraregistry.bench.geo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bson.UuidRepresentation;
import org.cameraregistry.bench.BenchOptions;
import org.cameraregistry.embedded.KafkaBroker;
import org.cameraregistry.embedded.MongoWireServer;
import org.cameraregistry.events.Topics;
import org.cameraregistry.events.camera.CameraDeregistered;
import org.cameraregistry.events.camera.CameraDetails;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraRegistered;
import org.cameraregistry.events.camera.CameraUpdated;
import org.cameraregistry.geo.camera.CameraStore;
import org.cameraregistry.geo.index.IndexedCamera;
import org.cameraregistry.localstack.services.ServiceJvm;
import org.cameraregistry.testkit.EventPublisher;
import org.cameraregistry.testkit.TestIssuer;
import tools.jackson.databind.json.JsonMapper;

/**
 * geo-search-service starting with {@code --cameras} cameras in its collection (a million, clustered
 * like the cities of a Texas-sized state, as {@link GeoIndexBench}'s): its own JVM, as the local
 * stack runs it, beside a Kafka broker and the MongoDB wire server (its data kept in
 * {@code --data-dir}, so that the cameras are stored once). It measures the time from the JVM's
 * start to ready (the index rebuilt from the collection), then stops the service, publishes
 * {@code --changes} camera events while it is away (moves, deletions, new cameras, and some of
 * them delivered twice), starts it again, and measures the time to ready and to caught up: every
 * change found by search, the count of cameras exactly what the events make it.
 *
 * <p>{@code java -cp bench/target/bench.jar org.cameraregistry.bench.geo.IndexRestartBench
 * [--cameras=1000000] [--changes=10000]}, from the repository's root, after
 * {@code ./mvnw package -DskipTests}. It measures; it asserts nothing.
 */
public final class IndexRestartBench {

    private static final String DATABASE = "geo-restart";
    private static final String DEPARTMENT = "bench";
    private static final JsonMapper JSON = new JsonMapper();
    /** The Texas-sized area of {@link CameraPlaces}, a little larger. */
    private static final String EVERY_CAMERA = "/api/search/within-box?south=27&west=-105&north=35&east=-94&limit=1";
    private static final String EVERYWHERE = """
            {"type": "Polygon", "coordinates": [[[-180, -90], [180, -90], [180, 90], [-180, 90], [-180, -90]]]}""";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public static void main(String[] args) throws Exception {
        BenchOptions given = BenchOptions.of(args);
        int cameras = given.integer("cameras", 1_000_000);
        int changes = given.integer("changes", 10_000);
        Path data = given.path("data-dir", Path.of("bench", "target", "restart"));
        Path jar = given.path("jar", Path.of("local-stack", "target", "services", "geo-search-service.jar"));
        given.noOthers();
        new IndexRestartBench().run(cameras, changes, data.resolve(cameras + "-cameras").toAbsolutePath(), jar);
    }

    private void run(int count, int changes, Path data, Path jar) throws Exception {
        Files.createDirectories(data);
        CameraPlaces places = CameraPlaces.of(count, CameraPlaces.Layout.CLUSTERED, 42);
        Path seeded = data.resolve("seeded.bson.mv");
        if (!Files.exists(seeded)) {
            try (MongoWireServer mongo = MongoWireServer.start(seeded, freePort())) {
                seed(mongo.uri(), places);
            }
        }
        // Each run starts from the same stored cameras and an empty broker.
        Path run = Files.createTempDirectory(data, "run-");
        Files.copy(seeded, run.resolve("mongodb.bson.mv"));
        try (KafkaBroker kafka = KafkaBroker.start(run.resolve("kafka"), freePort(), freePort());
                MongoWireServer mongo = MongoWireServer.start(run.resolve("mongodb.bson.mv"), freePort());
                TestIssuer issuer = TestIssuer.start()) {
            kafka.createTopics(Topics.all());
            String instance = "restart-bench";
            String investigator = issuer.staff("INVESTIGATOR", DEPARTMENT).value();
            String admin = issuer.staff("DEPT_ADMIN", DEPARTMENT).value();

            Started first = start(jar, mongo.uri(), kafka.bootstrapServers(), issuer, instance, run);
            long countedFirst;
            try {
                setJurisdiction(first.url(), admin);
                countedFirst = count(first.url(), investigator);
            } finally {
                first.close();
            }

            // While it is away: moves, deletions and new cameras, each of other cameras, and every tenth delivered twice.
            List<Integer> chosen = new ArrayList<>(IntStream.range(0, count).boxed().toList());
            Collections.shuffle(chosen, new Random(7));
            List<UUID> moved = new ArrayList<>();
            List<double[]> movedTo = new ArrayList<>();
            int deleted = 0;
            int added = 0;
            int twice = 0;
            try (EventPublisher events = new EventPublisher(kafka.bootstrapServers())) {
                for (int i = 0; i < changes; i++) {
                    int camera = chosen.get(i);
                    UUID id = places.ids[camera];
                    boolean again = i % 10 == 0;
                    switch (i % 5) {
                        case 0, 1 -> {
                            double[] to = {places.lat[camera] + 0.001, places.lon[camera] + 0.001};
                            var event = events.publish(CameraUpdated.TYPE, "/registry-service", id.toString(),
                                    new CameraUpdated(id, 2, details(to[0], to[1]), EventPublisher.now(), null, false));
                            if (again) {
                                events.again(CameraUpdated.TYPE, event);
                                twice++;
                            }
                            moved.add(id);
                            movedTo.add(to);
                        }
                        case 2 -> {
                            events.publish(CameraDeregistered.TYPE, "/registry-service", id.toString(),
                                    new CameraDeregistered(id, 2, EventPublisher.now(), null));
                            deleted++;
                        }
                        default -> {
                            UUID newcomer = UUID.randomUUID();
                            var event = events.publish(CameraRegistered.TYPE, "/registry-service", newcomer.toString(),
                                    new CameraRegistered(newcomer, 1, details(places.lat[camera] - 0.002, places.lon[camera]),
                                            EventPublisher.now(), null));
                            if (i % 10 == 3) {
                                events.again(CameraRegistered.TYPE, event);
                                twice++;
                            }
                            added++;
                        }
                    }
                }
            }
            long expected = countedFirst + added - deleted;

            Started again = start(jar, mongo.uri(), kafka.bootstrapServers(), issuer, instance, run);
            try {
                long caughtUpAt = awaitCount(again, investigator, expected);
                long found = count(again.url(), investigator);
                long movedFound = 0;
                for (int i = 0; i < moved.size(); i++) {
                    if (foundAt(again.url(), investigator, moved.get(i), movedTo.get(i))) {
                        movedFound++;
                    }
                }
                System.out.printf("%n%,d cameras stored (clustered), geo-search in its own JVM (%s), on %d cores:%n", count,
                        String.join(" ", jvmOptions()), Runtime.getRuntime().availableProcessors());
                System.out.println("| start | ready (index rebuilt from the collection) | caught up with Kafka | cameras"
                        + " counted / expected | moved cameras found at their new place |");
                System.out.println("|---|---|---|---|---|");
                System.out.printf("| first | %.1f s | | %,d / %,d | |%n", first.readySeconds(), countedFirst, count);
                System.out.printf("| again, after %,d events while away (%,d moves, %,d deletions, %,d new cameras; %,d"
                        + " delivered twice) | %.1f s | %.1f s | %,d / %,d | %,d / %,d |%n", changes + twice, moved.size(),
                        deleted, added, twice, again.readySeconds(), (caughtUpAt - again.launchedAt()) / 1e9, found, expected,
                        movedFound, moved.size());
            } finally {
                again.close();
            }
        } finally {
            deleteQuietly(run);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.out.println("Could not delete " + directory + ": " + e);
        }
    }

    /** Stores every camera, as geo-search stores what it consumes. */
    private static void seed(String uri, CameraPlaces places) throws Exception {
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .uuidRepresentation(UuidRepresentation.STANDARD).build())) {
            System.out.printf("Storing %,d cameras (once; kept in the data folder)...%n", places.ids.length);
            CameraStore store = new CameraStore(client.getDatabase(DATABASE));
            long started = System.nanoTime();
            try (ExecutorService writers = Executors.newFixedThreadPool(4)) {
                List<Future<?>> parts = new ArrayList<>();
                for (int part = 0; part < 4; part++) {
                    int first = part;
                    parts.add(writers.submit(() -> {
                        for (int i = first; i < places.ids.length; i += 4) {
                            store.save(new IndexedCamera(places.ids[i], 1, places.lat[i], places.lon[i],
                                    i % 10 == 0 ? CameraLevel.LEVEL_2 : CameraLevel.LEVEL_1));
                        }
                        return null;
                    }));
                }
                for (Future<?> part : parts) {
                    part.get();
                }
            }
            System.out.printf("Stored in %.0f s%n", (System.nanoTime() - started) / 1e9);
        }
    }

    private static CameraDetails details(double latitude, double longitude) {
        return new CameraDetails("Moved camera", latitude, longitude, CameraLevel.LEVEL_1, null, null, Set.of(), false,
                null, false);
    }

    private static List<String> jvmOptions() {
        // The local stack's options, with a heap that holds a million cameras and the load of them.
        return ServiceJvm.AS_SHIPPED.optionsFor("geo-search-service").stream()
                .map(option -> option.startsWith("-Xmx") ? "-Xmx1g" : option).toList();
    }

    /** A running geo-search JVM, and how long it took to say it was ready. */
    private record Started(Process process, String url, long launchedAt, double readySeconds) implements AutoCloseable {

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private Started start(Path jar, String mongo, String kafka, TestIssuer issuer, String instance, Path logs)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(issuer.serviceArguments(
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--service.instance-id=" + instance,
                "--spring.mongodb.uri=" + mongo,
                "--spring.mongodb.database=" + DATABASE,
                "--spring.kafka.bootstrap-servers=" + kafka)));
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.getParent().resolve("geo-search.log").toFile())).start();
        String url = "http://127.0.0.1:" + port;
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("geo-search stopped while starting; see " + logs.getParent().resolve("geo-search.log"));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        return new Started(process, url, launched, (System.nanoTime() - launched) / 1e9);
    }

    private void setJurisdiction(String url, String adminToken) throws IOException, InterruptedException {
        HttpResponse<String> set = http.send(HttpRequest.newBuilder(URI.create(url + "/api/departments/" + DEPARTMENT
                        + "/jurisdiction")).header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(EVERYWHERE)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (set.statusCode() != 200) {
            throw new IllegalStateException("The jurisdiction was refused: " + set.body());
        }
    }

    /** When the service counted exactly the cameras expected (polled every 100 ms, 10 minutes at the most). */
    private long awaitCount(Started started, String token, long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (count(started.url(), token) == expected) {
                return System.nanoTime();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("geo-search did not count " + expected + " cameras within 10 minutes: "
                + count(started.url(), token));
    }

    private long count(String url, String token) throws IOException, InterruptedException {
        HttpResponse<String> found = http.send(HttpRequest.newBuilder(URI.create(url + EVERY_CAMERA))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (found.statusCode() != 200) {
            throw new IllegalStateException("The count failed (HTTP " + found.statusCode() + "): " + found.body());
        }
        return JSON.readTree(found.body()).path("total").asLong();
    }

    private boolean foundAt(String url, String token, UUID id, double[] place) throws IOException, InterruptedException {
        HttpResponse<String> found = http.send(HttpRequest.newBuilder(URI.create(url + "/api/search/within?lat=" + place[0]
                        + "&lon=" + place[1] + "&radiusMeters=1&limit=100"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        return found.statusCode() == 200 && found.body().contains(id.toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static {
        // The bench's own output only: the broker and the wire server log at WARN.
        Stream.of("org.apache.kafka", "kafka", "de.bwaldvogel").forEach(name ->
                java.util.logging.Logger.getLogger(name).setLevel(java.util.logging.Level.WARNING));
    }
}
