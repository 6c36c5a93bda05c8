package org.cameraregistry.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.cameraregistry.embedded.KafkaBroker;
import org.cameraregistry.embedded.MongoWireServer;
import org.cameraregistry.events.Topics;
import org.cameraregistry.localstack.demo.DallasDemoCameras;
import org.cameraregistry.localstack.demo.DemoDataLoader;
import org.cameraregistry.localstack.services.ServiceProcess;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole platform on one machine: a Kafka broker and a MongoDB wire server in this JVM, each
 * service as its own JVM, and a city of demo cameras registered through the gateway on first
 * start. Data stays in one folder across restarts. Ctrl-C stops everything it started.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    private static final String DEMO_DATA_MARKER = "demo-data-loaded";

    private final Options options;
    private final PrintStream console;
    private final List<ServiceProcess> services = new ArrayList<>();
    private KafkaBroker kafka;
    private MongoWireServer mongo;
    private boolean closing;
    private int demoCamerasLoaded;

    /** How to run the stack. */
    public record Options(Path dataDirectory, Path servicesDirectory, Ports ports, int demoCameras) {
    }

    private LocalStack(Options options, PrintStream console) {
        this.options = options;
        this.console = console;
    }

    /** Starts everything and returns once the gateway and every service are ready and the demo data is searchable. */
    public static LocalStack start(Options options, PrintStream console) {
        LocalStack stack = new LocalStack(options, console);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public String gatewayUrl() {
        return "http://localhost:" + options.ports().gateway();
    }

    public synchronized List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    /** How many demo cameras this start registered (none when they were registered by an earlier start). */
    public int demoCamerasLoaded() {
        return demoCamerasLoaded;
    }

    private void startAll() {
        Ports ports = options.ports();
        ports.requireAllFree();
        Path data = options.dataDirectory();
        createDirectories(data);

        KafkaBroker broker = started(KafkaBroker.start(data.resolve("kafka"), ports.kafka(), ports.kafkaController()));
        broker.createTopics(Topics.all());
        console.println("  Kafka broker (KRaft)     " + broker.bootstrapServers());
        MongoWireServer database = started(MongoWireServer.start(data.resolve("mongodb.mv"), ports.mongo()));
        console.println("  MongoDB wire server      " + database.uri() + " (data in " + data.resolve("mongodb.mv") + ")");

        List<String> infrastructure = List.of(
                "--spring.mongodb.uri=" + database.uri() + "/?serverSelectionTimeoutMS=5000",
                "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers());
        start("registry-service", ports.registry(), infrastructure);
        start("geo-search-service", ports.geoSearch(), infrastructure);
        start("access-control-service", ports.accessControl(), infrastructure);
        start("notification-service", ports.notification(), infrastructure);
        start("device-gateway-service", ports.deviceGateway(), infrastructure);
        start("identity-service", ports.identity(), infrastructure);
        start("gateway", ports.gateway(), List.of(
                "--gateway.services.registry=http://localhost:" + ports.registry(),
                "--gateway.services.geo-search=http://localhost:" + ports.geoSearch()));
        awaitReady();
        loadDemoDataOnce();
    }

    /**
     * Starts a service unless the stack is stopping. Under the same lock as {@link #close()}, so that
     * Ctrl-C during the start cannot leave a process behind.
     */
    private synchronized void start(String name, int port, List<String> arguments) {
        requireNotClosing();
        services.add(ServiceProcess.start(name, options.servicesDirectory().resolve(name + ".jar"), port, arguments,
                options.dataDirectory().resolve("logs").resolve(name + ".log"), console));
    }

    /** Keeps the broker for {@link #close()}, or stops it at once if the stack is already stopping. */
    private synchronized KafkaBroker started(KafkaBroker broker) {
        if (closing) {
            broker.close();
        }
        requireNotClosing();
        kafka = broker;
        return broker;
    }

    private synchronized MongoWireServer started(MongoWireServer server) {
        if (closing) {
            server.close();
        }
        requireNotClosing();
        mongo = server;
        return server;
    }

    private void requireNotClosing() {
        if (closing) {
            throw new IllegalStateException("the local stack is stopping");
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(services());
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.isAlive()) {
                    throw new IllegalStateException(service.name() + " stopped while starting; its last lines:\n  "
                            + String.join("\n  ", service.lastLines()));
                }
                if (service.isReady()) {
                    console.println("  " + pad(service.name()) + " " + service.url() + " ready");
                    waiting.remove(service);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not ready within " + READY_TIMEOUT.toMinutes() + " minutes: "
                        + waiting.stream().map(ServiceProcess::name).toList() + "; see the logs in "
                        + options.dataDirectory().resolve("logs"));
            }
            pause(Duration.ofMillis(250));
        }
    }

    /**
     * Registers the demo city on the first start only. The marker is written before the first camera
     * is sent: a start cut short leaves part of the city rather than registering it twice next time.
     */
    private void loadDemoDataOnce() {
        Path marker = options.dataDirectory().resolve(DEMO_DATA_MARKER);
        if (options.demoCameras() <= 0) {
            return;
        }
        if (Files.exists(marker)) {
            if (readString(marker).startsWith("loading")) {
                console.println("  The demo city was only partly registered by an earlier start; start with --reset"
                        + " for the whole of it.");
            }
            return;
        }
        var cameras = DallasDemoCameras.generate(options.demoCameras());
        writeString(marker, "loading " + cameras.size() + " demo cameras\n");
        console.println("  Registering " + cameras.size() + " demo cameras in Dallas through the gateway...");
        new DemoDataLoader(gatewayUrl()).register(cameras);
        awaitSearchable(cameras.size());
        writeString(marker, cameras.size() + " demo cameras registered\n");
        demoCamerasLoaded = cameras.size();
    }

    /** Waits until geo-search finds every demo camera: the events have crossed Kafka. */
    private void awaitSearchable(int count) {
        HttpClient http = HttpClient.newHttpClient();
        URI search = URI.create(gatewayUrl() + "/api/search/within?lat=" + DallasDemoCameras.CENTER_LATITUDE
                + "&lon=" + DallasDemoCameras.CENTER_LONGITUDE + "&radiusMeters=" + (int) DallasDemoCameras.RADIUS_METERS
                + "&limit=5000");
        JsonMapper json = new JsonMapper();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(search).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && json.readTree(response.body()).path("cameras").size() >= count) {
                    return;
                }
            } catch (IOException e) {
                // The next attempt will tell.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The demo cameras did not all become searchable in time; see the logs of"
                        + " registry-service and geo-search-service in " + options.dataDirectory().resolve("logs"));
            }
            pause(Duration.ofMillis(500));
        }
    }

    /** Stops the services (in parallel, each gracefully), then Kafka, then MongoDB, which flushes its file. */
    @Override
    public synchronized void close() {
        closing = true;
        services.parallelStream().forEach(ServiceProcess::close);
        services.clear();
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (mongo != null) {
            mongo.close();
            mongo = null;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Options options = parse(args);
        PrintStream console = System.out;
        console.println("Community Camera Registry: starting the local stack");
        long started = System.nanoTime();
        LocalStack stack = new LocalStack(options, console);
        // Registered before anything starts, so that Ctrl-C at any moment stops what did start.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            console.println("Stopping the local stack...");
            stack.close();
            console.println("Stopped.");
        }, "local-stack-shutdown"));
        try {
            stack.startAll();
        } catch (RuntimeException e) {
            System.err.println("The local stack could not start: " + e.getMessage());
            System.exit(1);
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        console.printf("""
                
                Ready in %d s.
                  Gateway (the API):  %s
                  Try:                curl '%s/api/search/nearest?lat=%s&lon=%s&limit=5'
                  Data:               %s (start with --reset for a fresh city)
                  Logs:               %s
                Press Ctrl-C to stop.
                """, seconds, stack.gatewayUrl(), stack.gatewayUrl(), DallasDemoCameras.CENTER_LATITUDE,
                DallasDemoCameras.CENTER_LONGITUDE, options.dataDirectory().toAbsolutePath(),
                options.dataDirectory().resolve("logs").toAbsolutePath());
        new CountDownLatch(1).await();
    }

    /** {@code --data-dir=PATH} (default ./data), {@code --demo-cameras=N} (default 2400), {@code --reset}. */
    static Options parse(String[] args) {
        Path data = Path.of("data");
        int demoCameras = 2400;
        boolean reset = false;
        for (String arg : args) {
            if (arg.startsWith("--data-dir=")) {
                data = Path.of(arg.substring("--data-dir=".length()));
            } else if (arg.startsWith("--demo-cameras=")) {
                demoCameras = Integer.parseInt(arg.substring("--demo-cameras=".length()));
            } else if (arg.equals("--reset")) {
                reset = true;
            } else {
                throw new IllegalArgumentException("Unknown option " + arg
                        + "; the options are --data-dir=PATH, --demo-cameras=N and --reset");
            }
        }
        if (reset) {
            deleteRecursively(data);
        }
        return new Options(data, defaultServicesDirectory(), Ports.defaults(), demoCameras);
    }

    /** The services' jars sit beside this one, in services/; a build may point elsewhere. */
    private static Path defaultServicesDirectory() {
        String configured = System.getProperty("local-stack.services-dir");
        if (configured != null) {
            return Path.of(configured);
        }
        try {
            Path jar = Path.of(LocalStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().resolve("services");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + directory, e);
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeString(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pad(String name) {
        return String.format("%-24s", name);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
