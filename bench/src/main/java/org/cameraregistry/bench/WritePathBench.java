package org.cameraregistry.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cameraregistry.localstack.LocalStack;
import org.cameraregistry.localstack.demo.DemoAccounts;
import org.cameraregistry.localstack.StackOptions;
import org.cameraregistry.localstack.StackPorts;
import tools.jackson.databind.json.JsonMapper;

/**
 * The write path end to end: cameras registered through the gateway by concurrent clients, until
 * every one is searchable, on a fresh local stack; the registry's relay as it is, beside the
 * relay sending one document's events at a time and waiting for each acknowledgement (batch size
 * 1, what the relay did before batching), in the same run.
 *
 * <p>It measures a fresh stack, as a new user meets it. With {@code --warm-up=N}, N cameras are
 * first registered elsewhere in the city and awaited (at most 2 minutes), so that the services'
 * JVMs have compiled their hot code.
 *
 * <p>{@code java -jar bench/target/bench.jar [--cameras=10000] [--warm-up=0] [--clients=16]
 * [--services=local-stack/target/services]}, from the repository's root, after
 * {@code ./mvnw package -DskipTests}. Not a test: it measures, it asserts nothing.
 */
public final class WritePathBench {

    private static final JsonMapper JSON = new JsonMapper();
    /** Four neighbourhoods of Dallas, each holding a quarter of the cameras within 1.5 km. */
    private static final double[][] CLUSTERS = {
            {32.7801, -96.8005}, {32.8139, -96.7700}, {32.7437, -96.8277}, {32.8209, -96.7507}};
    private static final double CLUSTER_RADIUS_METERS = 1_500;
    /**
     * Where the warm-up cameras go: southern Dallas by I-20, away from the measured ones and the demo
     * city's, and inside Dallas's jurisdiction, so that the demo investigator who waits for them sees them.
     */
    private static final double[] WARM_UP_CLUSTER = {32.6450, -96.7800};
    /** How long a scenario may take from its first request; a slower one is reported as not done by then. */
    private static final Duration SCENARIO_DEADLINE = Duration.ofMinutes(4);
    private static final Duration WARM_UP_DEADLINE = Duration.ofMinutes(2);

    private final int cameras;
    private final int warmUp;
    private final int clients;
    private final Path services;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String gatewayUrl;
    private String ownerToken;
    private String investigatorToken;

    private WritePathBench(int cameras, int warmUp, int clients, Path services) {
        this.cameras = cameras;
        this.warmUp = warmUp;
        this.clients = clients;
        this.services = services;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions given = BenchOptions.of(args);
        int cameras = given.integer("cameras", 10_000);
        int warmUp = given.integer("warm-up", 0);
        int clients = given.integer("clients", 16);
        Path services = given.path("services", Path.of("local-stack", "target", "services"));
        given.noOthers();
        WritePathBench bench = new WritePathBench(cameras, warmUp, clients, services);
        String header = "| relay | accepted/s | POST p50 ms | POST p99 ms | answers | last POST answered | all searchable"
                + " | relay events/s |\n|---|---|---|---|---|---|---|---|";
        List<String> rows = new ArrayList<>();
        for (String[] scenario : List.of(
                new String[] {"relay in batches (as shipped: 200 documents a pass)"},
                new String[] {"relay one at a time (batch size 1: send, wait, acknowledge)", "--registry.outbox.batch-size=1"})) {
            Result result = bench.run(scenario[0], List.of(scenario).subList(1, scenario.length));
            rows.add(result.row());
            System.out.println(header + "\n" + result.row());
        }
        System.out.printf("%n%d cameras, %d clients, through the gateway, after %d warm-up cameras, on %d cores:%n%s%n%s%n",
                cameras, clients, warmUp, Runtime.getRuntime().availableProcessors(), header, String.join("\n", rows));
    }

    private Result run(String scenario, List<String> registrySettings) throws Exception {
        System.out.println("Starting a fresh platform for: " + scenario);
        Path data = Files.createTempDirectory(Path.of("bench", "target").toAbsolutePath(), "write-path-");
        StackOptions options = new StackOptions(data, services, StackPorts.free(Map.of()), 0,
                Map.of("registry-service", registrySettings));
        try (LocalStack stack = LocalStack.start(options, new PrintStream(PrintStream.nullOutputStream()))) {
            String gateway = stack.gatewayUrl();
            gatewayUrl = gateway;
            DemoAccounts accounts = new DemoAccounts(stack.identityUrl());
            accounts.open();
            ownerToken = accounts.tokenOf(DemoAccounts.OWNER);
            investigatorToken = accounts.tokenOf(DemoAccounts.INVESTIGATOR);
            String registry = stack.instancesOf("registry-service").getFirst().managementUrl();
            warmUp(gateway);
            // Tokens last 5 minutes: fresh ones for the measured part, which takes at most 4.
            ownerToken = accounts.tokenOf(DemoAccounts.OWNER);
            investigatorToken = accounts.tokenOf(DemoAccounts.INVESTIGATOR);
            double publishedBefore = published(registry);
            List<long[]> relaySamples = new CopyOnWriteArrayList<>();
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = Thread.ofPlatform().daemon().start(() -> sample(registry, relaySamples, sampling));

            long started = System.nanoTime();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            Map<Integer, Long> statuses = new ConcurrentHashMap<>();
            eachClient(cameras, i -> {
                long sent = System.nanoTime();
                int status = register(gateway, i);
                latencies.add(System.nanoTime() - sent);
                statuses.merge(status, 1L, Long::sum);
            });
            long postsDone = System.nanoTime();
            long created = statuses.getOrDefault(201, 0L);
            long searchable = awaitSearchable(gateway, created, started + SCENARIO_DEADLINE.toNanos());
            sampling.set(false);
            sampler.join();
            return new Result(scenario, created, statuses, created / seconds(postsDone - started),
                    percentile(latencies, 50), percentile(latencies, 99), seconds(postsDone - started),
                    searchable < 0 ? Double.NaN : seconds(searchable - started),
                    relayRate(relaySamples, publishedBefore, created));
        } finally {
            deleteQuietly(data);
        }
    }

    /**
     * Registers the warm-up cameras as the measured ones will be, and waits until they are all
     * searchable: what is measured then is the platform running, not its JVMs compiling their code.
     */
    private void warmUp(String gateway) throws Exception {
        if (warmUp == 0) {
            return;
        }
        System.out.println("Warming up with " + warmUp + " cameras...");
        eachClient(warmUp, i -> register(gateway, "Warm-up camera " + i, place(i, WARM_UP_CLUSTER), "bench-warm-up-" + i));
        String search = gateway + "/api/search/within?lat=" + WARM_UP_CLUSTER[0] + "&lon=" + WARM_UP_CLUSTER[1]
                + "&radiusMeters=" + (int) (CLUSTER_RADIUS_METERS + 100) + "&limit=5000";
        long deadline = System.nanoTime() + WARM_UP_DEADLINE.toNanos();
        while (count(search) < warmUp) {
            if (System.nanoTime() > deadline) {
                System.out.println("Warm-up cameras not all searchable within " + WARM_UP_DEADLINE.toMinutes()
                        + " min: measuring with a backlog.");
                return;
            }
            Thread.sleep(200);
        }
    }

    /** Has the clients register cameras 0 to {@code count - 1}, each client every {@code clients}-th, and waits for them. */
    private void eachClient(int count, Registration registration) throws Exception {
        try (ExecutorService threads = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                int first = client;
                running.add(threads.submit(() -> {
                    for (int i = first; i < count; i += clients) {
                        registration.register(i);
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        }
    }

    @FunctionalInterface
    private interface Registration {
        void register(int camera) throws IOException, InterruptedException;
    }

    /** Camera {@code i}'s place: somewhere in its cluster, the same in every run. */
    private static double[] place(int i) {
        return place(i, CLUSTERS[i % CLUSTERS.length]);
    }

    private static double[] place(int i, double[] cluster) {
        Random random = new Random(i);
        double distance = CLUSTER_RADIUS_METERS * Math.sqrt(random.nextDouble());
        double bearing = 2 * Math.PI * random.nextDouble();
        return new double[] {
                Math.round((cluster[0] + distance * Math.cos(bearing) / 111_320) * 1e6) / 1e6,
                Math.round((cluster[1] + distance * Math.sin(bearing) / (111_320 * Math.cos(Math.toRadians(cluster[0]))))
                        * 1e6) / 1e6};
    }

    private int register(String gateway, int i) throws IOException, InterruptedException {
        return register(gateway, "Bench camera " + i, place(i), "bench-" + i);
    }

    private int register(String gateway, String label, double[] place, String idempotencyKey)
            throws IOException, InterruptedException {
        String body = """
                {"label":"%s","latitude":%s,"longitude":%s,"level":"LEVEL_1"}"""
                .formatted(label, place[0], place[1]);
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/cameras"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .header("Authorization", "Bearer " + ownerToken)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * When every registered camera was found by a search through the gateway; -1 if not by
     * {@code deadline}. It waits, cheaply, for the last camera of each client to be found (a
     * nearest search at its place), then counts them all (every 100 ms until they are all there):
     * counting all of them all along would be a load of its own on geo-search and the gateway.
     */
    private long awaitSearchable(String gateway, long expected, long deadline) throws InterruptedException {
        List<Integer> lastOfEachClient = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            lastOfEachClient.add(cameras - 1 - (cameras - 1 - client) % clients);
        }
        while (System.nanoTime() < deadline) {
            lastOfEachClient.removeIf(this::found);
            if (lastOfEachClient.isEmpty()) {
                break;
            }
            Thread.sleep(50);
        }
        while (System.nanoTime() < deadline) {
            long found = 0;
            for (double[] cluster : CLUSTERS) {
                found += count(gateway + "/api/search/within?lat=" + cluster[0] + "&lon=" + cluster[1]
                        + "&radiusMeters=" + (int) (CLUSTER_RADIUS_METERS + 100) + "&limit=5000");
            }
            if (found >= expected) {
                return System.nanoTime();
            }
            Thread.sleep(100);
        }
        return -1;
    }

    /** Whether camera {@code i} is found at its place. */
    private boolean found(int i) {
        double[] place = place(i);
        return count(gatewayUrl + "/api/search/within?lat=" + place[0] + "&lon=" + place[1] + "&radiusMeters=1") > 0;
    }

    private long count(String search) {
        try {
            HttpResponse<String> found = http.send(HttpRequest.newBuilder(URI.create(search))
                            .header("Authorization", "Bearer " + investigatorToken).build(),
                    HttpResponse.BodyHandlers.ofString());
            return found.statusCode() == 200 ? JSON.readTree(found.body()).path("cameras").size() : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Every 500 ms (each read runs the outbox gauges' queries, so not more often), how many events the relay has published. */
    private void sample(String registry, List<long[]> samples, AtomicBoolean sampling) {
        while (sampling.get()) {
            samples.add(new long[] {System.nanoTime(), (long) published(registry)});
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private double published(String registry) {
        try {
            String metrics = http.send(HttpRequest.newBuilder(URI.create(registry + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return metrics.lines().filter(line -> line.startsWith("outbox_published_total{"))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /**
     * Events per second from the first sample that saw one published to the first that saw them all
     * (or to the last sample, if the relay had not published them all by the deadline).
     */
    private static double relayRate(List<long[]> samples, double before, long events) {
        long[] first = null;
        long[] last = null;
        for (long[] sample : samples) {
            if (first == null && sample[1] > before) {
                first = sample;
            }
            if (first != null) {
                last = sample;
                if (sample[1] >= before + events) {
                    break;
                }
            }
        }
        return first == null || last == first ? Double.NaN : (last[1] - first[1]) / seconds(last[0] - first[0]);
    }

    private static long percentile(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * percentile / 100)) / 1_000_000;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Collections.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Result(String scenario, long created, Map<Integer, Long> statuses, double acceptedPerSecond,
            long p50Millis, long p99Millis, double lastPostSeconds, double allSearchableSeconds,
            double relayEventsPerSecond) {

        String row() {
            String searchable = Double.isNaN(allSearchableSeconds) ? "not within " + SCENARIO_DEADLINE.toMinutes() + " min"
                    : "%.1f s".formatted(allSearchableSeconds);
            return "| %s | %.0f | %d | %d | %s | %.1f s | %s | %.0f |".formatted(scenario, acceptedPerSecond, p50Millis,
                    p99Millis, new TreeMap<>(statuses), lastPostSeconds, searchable, relayEventsPerSecond);
        }
    }
}
