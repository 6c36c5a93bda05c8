package org.cameraregistry.bench.freshness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.cameraregistry.bench.BenchOptions;
import org.cameraregistry.events.camera.CameraDeregistered;
import org.cameraregistry.events.camera.CameraPaused;
import org.cameraregistry.events.camera.CameraRegistered;
import org.cameraregistry.events.camera.CameraResumed;
import org.cameraregistry.events.camera.CameraUpdated;
import org.cameraregistry.localstack.LocalStack;
import org.cameraregistry.localstack.StackOptions;
import org.cameraregistry.localstack.StackPorts;
import org.cameraregistry.localstack.demo.DemoAccounts;
import org.cameraregistry.localstack.demo.RenewedToken;
import org.cameraregistry.localstack.services.ServiceJvm;
import tools.jackson.databind.json.JsonMapper;

/**
 * How soon a camera's change is seen by every search while changes flow: {@code --rate} changes a
 * second (registrations, moves, pauses, resumptions, deletions, sent as owners send them through
 * the gateway, at a fixed rate whatever the answers do) for {@code --seconds}, on the README's local
 * stack with {@code --cameras} demo cameras. Its data folder ({@code --data-dir}, by default
 * {@code bench/target/freshness-stack}) is its own: the owners' emails its changes cause are still
 * being sent long after a run, and would load the stack a search benchmark measures.
 * Every {@code --sample-every}-th change is then looked for by an investigator's search through
 * the gateway every 100 ms, from the moment the change was answered, until the search shows it (the
 * camera found at its new place, or no longer found at all). geo-search's own
 * {@code camera_index_freshness_seconds} (from the registry's change to the index) is read beside it.
 *
 * <p>{@code java -cp bench/target/bench.jar org.cameraregistry.bench.freshness.CameraFreshnessBench
 * [--rate=200] [--seconds=60] [--sample-every=20] [--cameras=100000] [--data-dir=PATH] [--setting=SERVICE:--PROPERTY=VALUE ...]},
 * from the repository's root, after {@code ./mvnw package -DskipTests}. It measures; it asserts nothing.
 */
public final class CameraFreshnessBench {

    private static final JsonMapper JSON = new JsonMapper();
    /** Downtown Dallas, inside the demo jurisdiction: where the changed cameras stand. */
    private static final double[] CENTRE = {32.7900, -96.8000};
    private static final double SPREAD_METERS = 4_000;
    /**
     * How often a changed camera is looked for: every 20 ms, with every 4th change looked for, made
     * 2,500 searches a second of a second's lag, more than the stack answers, and the lag grew.
     */
    private static final Duration POLL_EVERY = Duration.ofMillis(100);
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(30);
    private static final int STARTING_CAMERAS = 1_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService polls = Executors.newScheduledThreadPool(2);
    private final Random random = new Random(7);
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicInteger registered = new AtomicInteger();
    private final ConcurrentLinkedQueue<Camera> idle = new ConcurrentLinkedQueue<>();
    private final Map<Change, List<Long>> answered = Collections.synchronizedMap(new EnumMap<>(Change.class));
    private final Map<Change, List<Long>> visible = Collections.synchronizedMap(new EnumMap<>(Change.class));
    private final Map<Change, AtomicInteger> refused = Collections.synchronizedMap(new EnumMap<>(Change.class));
    private final Map<Change, AtomicInteger> neverSeen = Collections.synchronizedMap(new EnumMap<>(Change.class));
    private final Map<String, AtomicInteger> refusals = new ConcurrentSkipListMap<>();
    private String gateway;
    private RenewedToken owner;
    private RenewedToken investigator;

    enum Change { REGISTERED, MOVED, PAUSED, RESUMED, DELETED }

    /** A camera of this run, changed by one request at a time. */
    private static final class Camera {
        final UUID id;
        double latitude;
        double longitude;
        boolean paused;

        Camera(UUID id, double latitude, double longitude) {
            this.id = id;
            this.latitude = latitude;
            this.longitude = longitude;
        }
    }

    public static void main(String[] args) throws Exception {
        BenchOptions given = BenchOptions.of(args);
        int rate = given.integer("rate", 200);
        int seconds = given.integer("seconds", 60);
        int sampleEvery = given.integer("sample-every", 20);
        int cameras = given.integer("cameras", 100_000);
        Path data = given.path("data-dir", Path.of("bench", "target", "freshness-stack"));
        Path services = given.path("services", Path.of("local-stack", "target", "services"));
        Map<String, List<String>> settings = given.serviceSettings();
        given.noOthers();
        StackOptions options = new StackOptions(data.toAbsolutePath(), services, StackPorts.free(Map.of()), cameras,
                settings, ServiceJvm.AS_SHIPPED);
        try (LocalStack stack = LocalStack.start(options, System.out)) {
            new CameraFreshnessBench().measure(stack, rate, seconds, sampleEvery);
        }
    }

    private void measure(LocalStack stack, int rate, int seconds, int sampleEvery) throws Exception {
        gateway = stack.gatewayUrl();
        DemoAccounts accounts = new DemoAccounts(stack.identityUrl());
        owner = new RenewedToken(() -> accounts.tokenOf(DemoAccounts.OWNER));
        investigator = new RenewedToken(() -> accounts.tokenOf(DemoAccounts.INVESTIGATOR));
        String geoSearch = stack.instancesOf("geo-search-service").getFirst().managementUrl();
        for (Change change : Change.values()) {
            answered.put(change, Collections.synchronizedList(new ArrayList<>()));
            visible.put(change, Collections.synchronizedList(new ArrayList<>()));
            refused.put(change, new AtomicInteger());
            neverSeen.put(change, new AtomicInteger());
        }
        System.out.println("Registering " + STARTING_CAMERAS + " cameras to change, then warming up for 30 s...");
        drive(100, STARTING_CAMERAS / 100, Integer.MAX_VALUE, true);
        drive(rate, 30, Integer.MAX_VALUE, false);
        answered.values().forEach(List::clear);
        visible.values().forEach(List::clear);
        refused.values().forEach(count -> count.set(0));
        refusals.clear();
        neverSeen.values().forEach(count -> count.set(0));

        Map<String, double[]> freshnessBefore = freshnessBuckets(geoSearch);
        System.out.printf("Measuring: %d changes a second for %d s, every %d-th looked for%n", rate, seconds, sampleEvery);
        drive(rate, seconds, sampleEvery, false);
        Map<String, double[]> freshnessAfter = freshnessBuckets(geoSearch);
        polls.shutdownNow();
        owner.close();
        investigator.close();

        System.out.printf("%n%d changes a second for %d s through the gateway, on %d cores:%n", rate, seconds,
                Runtime.getRuntime().availableProcessors());
        System.out.println("| change | answered | refused | answer p50 ms | answer p99 ms | looked for | seen: p50 ms"
                + " | p99 ms | max ms | not seen in 30 s | registry to index, p99 (geo-search's histogram) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Change change : Change.values()) {
            List<Long> answers = sorted(answered.get(change));
            List<Long> seen = sorted(visible.get(change));
            System.out.printf("| %s | %d | %d | %.0f | %.0f | %d | %.0f | %.0f | %.0f | %d | %s |%n", change.name().toLowerCase(),
                    answers.size(), refused.get(change).get(), millis(answers, 50), millis(answers, 99),
                    seen.size() + neverSeen.get(change).get(), millis(seen, 50), millis(seen, 99), millis(seen, 100),
                    neverSeen.get(change).get(), histogramP99(freshnessBefore, freshnessAfter, eventType(change)));
        }
        if (!refusals.isEmpty()) {
            System.out.println("Refused: " + refusals);
        }
    }

    /**
     * Sends {@code rate} changes a second for {@code seconds}, every {@code sampleEvery}-th looked
     * for, and waits for every answer and every look.
     */
    private void drive(int rate, int seconds, int sampleEvery, boolean registrationsOnly) throws InterruptedException {
        int total = rate * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        CountDownLatch done = new CountDownLatch(total);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            boolean lookedFor = i % sampleEvery == 0;
            Change change = registrationsOnly ? Change.REGISTERED : pick();
            Camera camera = change == Change.REGISTERED ? null : idle.poll();
            if (camera == null || !allowed(change, camera)) {
                if (camera != null) {
                    idle.add(camera);
                }
                change = Change.REGISTERED;
                camera = newCamera();
            }
            send(change, camera, due, lookedFor, done);
        }
        if (!done.await(2, TimeUnit.MINUTES)) {
            System.out.println(done.getCount() + " changes not answered and seen within 2 minutes");
        }
    }

    private Change pick() {
        int ticket = random.nextInt(100);
        return ticket < 20 ? Change.REGISTERED : ticket < 60 ? Change.MOVED : ticket < 75 ? Change.PAUSED
                : ticket < 90 ? Change.RESUMED : Change.DELETED;
    }

    private static boolean allowed(Change change, Camera camera) {
        return switch (change) {
            case MOVED, PAUSED, DELETED -> !camera.paused;
            case RESUMED -> camera.paused;
            case REGISTERED -> true;
        };
    }

    private Camera newCamera() {
        double[] place = place();
        return new Camera(null, place[0], place[1]);
    }

    private double[] place() {
        double distance = SPREAD_METERS * Math.sqrt(random.nextDouble());
        double bearing = 2 * Math.PI * random.nextDouble();
        return new double[] {
                Math.round((CENTRE[0] + distance * Math.cos(bearing) / 111_320) * 1e6) / 1e6,
                Math.round((CENTRE[1] + distance * Math.sin(bearing) / (111_320 * Math.cos(Math.toRadians(CENTRE[0]))))
                        * 1e6) / 1e6};
    }

    private void send(Change change, Camera camera, long due, boolean lookedFor, CountDownLatch done) {
        HttpRequest.Builder request;
        double[] moveTo = change == Change.MOVED ? place() : null;
        switch (change) {
            case REGISTERED -> request = HttpRequest.newBuilder(URI.create(gateway + "/api/cameras"))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "freshness-" + run + "-" + registered.incrementAndGet())
                    .POST(HttpRequest.BodyPublishers.ofString(body(camera.latitude, camera.longitude)));
            case MOVED -> request = HttpRequest.newBuilder(cameraUri(camera))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body(moveTo[0], moveTo[1])));
            case PAUSED -> request = HttpRequest.newBuilder(URI.create(cameraUri(camera) + "/pause"))
                    .POST(HttpRequest.BodyPublishers.noBody());
            case RESUMED -> request = HttpRequest.newBuilder(URI.create(cameraUri(camera) + "/resume"))
                    .POST(HttpRequest.BodyPublishers.noBody());
            case DELETED -> request = HttpRequest.newBuilder(cameraUri(camera)).DELETE();
            default -> throw new IllegalStateException();
        }
        http.sendAsync(request.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + owner.get()).build(),
                HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                    long answeredAt = System.nanoTime();
                    if (failure != null || response.statusCode() / 100 != 2) {
                        refused.get(change).incrementAndGet();
                        refusals.computeIfAbsent(change.name().toLowerCase() + " " + (failure != null
                                ? failure.getClass().getSimpleName() : Integer.toString(response.statusCode())),
                                ignored -> new AtomicInteger()).incrementAndGet();
                        if (camera.id != null) {
                            idle.add(camera);
                        }
                        done.countDown();
                        return;
                    }
                    answered.get(change).add(answeredAt - due);
                    Camera changed = camera.id != null ? camera
                            : new Camera(UUID.fromString(JSON.readTree(response.body()).path("id").asString()),
                                    camera.latitude, camera.longitude);
                    if (moveTo != null) {
                        changed.latitude = moveTo[0];
                        changed.longitude = moveTo[1];
                    }
                    changed.paused = change == Change.PAUSED || (changed.paused && change != Change.RESUMED);
                    boolean present = change != Change.PAUSED && change != Change.DELETED;
                    Runnable release = () -> {
                        if (change != Change.DELETED) {
                            idle.add(changed);
                        }
                        done.countDown();
                    };
                    if (lookedFor) {
                        lookFor(change, changed, present, answeredAt, release);
                    } else {
                        release.run();
                    }
                });
    }

    /** Searches where the camera is, every 100 ms, until the search shows it there (or no longer shows it). */
    private void lookFor(Change change, Camera camera, boolean present, long answeredAt, Runnable release) {
        URI search = URI.create(gateway + "/api/search/within?lat=" + camera.latitude + "&lon=" + camera.longitude
                + "&radiusMeters=2&limit=100");
        http.sendAsync(HttpRequest.newBuilder(search).timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + investigator.get()).build(), HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, failure) -> {
                    boolean shown = failure == null && response.statusCode() == 200
                            && response.body().contains(camera.id.toString()) == present;
                    long now = System.nanoTime();
                    if (shown) {
                        visible.get(change).add(now - answeredAt);
                        release.run();
                    } else if (now - answeredAt > GIVE_UP_AFTER.toNanos()) {
                        neverSeen.get(change).incrementAndGet();
                        release.run();
                    } else {
                        polls.schedule(() -> lookFor(change, camera, present, answeredAt, release),
                                POLL_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                    }
                });
    }

    private URI cameraUri(Camera camera) {
        return URI.create(gateway + "/api/cameras/" + camera.id);
    }

    private static String body(double latitude, double longitude) {
        return """
                {"label":"Freshness camera","latitude":%s,"longitude":%s,"level":"LEVEL_1"}""".formatted(latitude, longitude);
    }

    private static String eventType(Change change) {
        return switch (change) {
            case REGISTERED -> CameraRegistered.TYPE.type();
            case MOVED -> CameraUpdated.TYPE.type();
            case PAUSED -> CameraPaused.TYPE.type();
            case RESUMED -> CameraResumed.TYPE.type();
            case DELETED -> CameraDeregistered.TYPE.type();
        };
    }

    /** geo-search's freshness histogram: per kind of change, its bucket bounds and cumulative counts. */
    private Map<String, double[]> freshnessBuckets(String geoSearch) throws IOException, InterruptedException {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(geoSearch + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, List<double[]>> buckets = new TreeMap<>();
        for (String line : metrics.lines().toList()) {
            if (!line.startsWith("camera_index_freshness_seconds_bucket{")) {
                continue;
            }
            String change = label(line, "change");
            String le = label(line, "le");
            double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
            double count = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            buckets.computeIfAbsent(change, ignored -> new ArrayList<>()).add(new double[] {bound, count});
        }
        Map<String, double[]> flattened = new TreeMap<>();
        buckets.forEach((change, list) -> {
            list.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] pairs = new double[list.size() * 2];
            for (int i = 0; i < list.size(); i++) {
                pairs[2 * i] = list.get(i)[0];
                pairs[2 * i + 1] = list.get(i)[1];
            }
            flattened.put(change, pairs);
        });
        return flattened;
    }

    /** The bucket bound under which 99 % of the changes measured between the two readings fell. */
    private static String histogramP99(Map<String, double[]> before, Map<String, double[]> after, String change) {
        double[] end = after.get(change);
        if (end == null) {
            return "none";
        }
        double[] start = before.getOrDefault(change, new double[end.length]);
        double total = end[end.length - 1] - (start.length == end.length ? start[start.length - 1] : 0);
        if (total <= 0) {
            return "none";
        }
        for (int i = 0; i < end.length; i += 2) {
            double counted = end[i + 1] - (start.length == end.length ? start[i + 1] : 0);
            if (counted >= 0.99 * total) {
                return "≤ %.0f ms".formatted(end[i] * 1000);
            }
        }
        return "over the largest bucket";
    }

    private static String label(String line, String name) {
        int start = line.indexOf(name + "=\"") + name.length() + 2;
        return line.substring(start, line.indexOf('"', start));
    }

    private static List<Long> sorted(List<Long> nanos) {
        List<Long> copy;
        synchronized (nanos) {
            copy = new ArrayList<>(nanos);
        }
        Collections.sort(copy);
        return copy;
    }

    private static double millis(List<Long> sortedNanos, double percentile) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedNanos.size() - 1, Math.max(0, Math.ceil(sortedNanos.size() * percentile / 100) - 1));
        return sortedNanos.get(index) / 1e6;
    }
}
