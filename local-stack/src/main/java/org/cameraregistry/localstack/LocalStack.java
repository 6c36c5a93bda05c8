package org.cameraregistry.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.cameraregistry.catalog.PlatformService;
import org.cameraregistry.catalog.ServiceCatalog;
import org.cameraregistry.embedded.KafkaBroker;
import org.cameraregistry.embedded.MongoWireServer;
import org.cameraregistry.events.Topics;
import org.cameraregistry.localstack.demo.DemoAccounts;
import org.cameraregistry.localstack.demo.DemoCity;
import org.cameraregistry.localstack.mail.MailCatcher;
import org.cameraregistry.localstack.services.ServiceProcess;
import org.cameraregistry.localstack.services.ServiceSpec;
import org.cameraregistry.localstack.services.Supervisor;

/**
 * The whole platform on one machine: a Kafka broker and a MongoDB wire server in this JVM, every
 * instance of every service in the catalog as its own JVM, kept running by a {@link Supervisor},
 * and a city of demo cameras registered through the gateway on first start. Everything listens on
 * the loopback address only. Data stays in one folder across restarts.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    private static final String LOOPBACK = "127.0.0.1";
    /** Every service's database, stored as BSON. */
    private static final String DATABASE_FILE = "mongodb.bson.mv";
    /** Where stacks kept their databases before they were stored as BSON; that format is not read. */
    private static final String EARLIER_DATABASE_FILE = "mongodb.mv";

    private final StackOptions options;
    private final PrintStream console;
    private final Supervisor supervisor;
    private KafkaBroker kafka;
    private MongoWireServer mongo;
    private MailCatcher mail;
    private boolean closing;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread stopAtExit = new Thread(this::stopAtExit, "local-stack-shutdown");
    private int demoCamerasRegistered;

    LocalStack(StackOptions options, PrintStream console) {
        this.options = options;
        this.console = console;
        this.supervisor = new Supervisor(console);
        // Registered before anything starts, so that Ctrl-C, or the end of whichever JVM started the
        // stack, stops what did start: the services are processes of their own and would outlive it.
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** Starts everything and returns once every instance is ready and the demo city is searchable. */
    public static LocalStack start(StackOptions options, PrintStream console) {
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

    public String gatewayManagementUrl() {
        return "http://localhost:" + options.ports().gatewayManagement();
    }

    /** Every instance as it runs now. */
    public List<ServiceProcess> services() {
        return supervisor.processes();
    }

    /** The instances of one service, first to last. */
    public List<ServiceProcess> instancesOf(String service) {
        return services().stream().filter(process -> process.name().equals(service)).toList();
    }

    /** The OpenID Connect provider's issuer: identity-service's first instance. */
    public String identityUrl() {
        return "http://localhost:" + options.ports().instances().get("identity-service").getFirst();
    }

    /** The MongoDB wire server every service keeps its own database on. */
    public String mongoUri() {
        return "mongodb://localhost:" + options.ports().mongo();
    }

    public String kafkaBrokers() {
        return kafka.bootstrapServers();
    }

    /** Where the mail catcher shows, and serves through Mailpit's API, every email the platform sent. */
    public String mailCatcherUrl() {
        return mail.webUrl();
    }

    /** How many demo cameras this start registered (none when an earlier start did). */
    public int demoCamerasRegistered() {
        return demoCamerasRegistered;
    }

    void startAll() {
        StackPorts ports = options.ports();
        ports.requireAllFree();
        Path data = options.dataDirectory();
        createDirectories(data);

        KafkaBroker broker = keep(KafkaBroker.start(data.resolve("kafka"), ports.kafka(), ports.kafkaController()));
        broker.createTopics(Topics.all());
        console.println("  Kafka broker (KRaft)       " + broker.bootstrapServers());
        MongoWireServer database = keep(MongoWireServer.start(data.resolve(DATABASE_FILE), ports.mongo()));
        console.println("  MongoDB wire server        " + database.uri() + " (data in " + data.resolve(DATABASE_FILE) + ")");
        if (Files.exists(data.resolve(EARLIER_DATABASE_FILE))) {
            console.println("  Note: " + data.resolve(EARLIER_DATABASE_FILE) + " holds data in an earlier format, not read;"
                    + " delete it, or start with --reset for a fresh city.");
        }

        MailCatcher catcher = keep(MailCatcher.start(ports.smtp(), ports.mailWeb()));
        console.println("  Mail catcher               smtp://localhost:" + catcher.smtpPort() + ", read at " + catcher.webUrl());

        StackSecrets secrets = StackSecrets.in(data.resolve("secrets"));
        for (PlatformService service : ServiceCatalog.services()) {
            List<Integer> instances = ports.instances().get(service.name());
            for (int instance = 1; instance <= instances.size(); instance++) {
                int port = instances.get(instance - 1);
                supervisor.start(spec(service.name(), instance, port, port, serviceArguments(service, instance, port),
                        secrets.of(service.name())));
            }
        }
        supervisor.start(spec(ServiceCatalog.GATEWAY.name(), 1, ports.gateway(), ports.gatewayManagement(),
                gatewayArguments(), secrets.of(ServiceCatalog.GATEWAY.name())));
        awaitReady();
        List<String> searchInstances = instancesOf("geo-search-service").stream().map(ServiceProcess::url).toList();
        demoCamerasRegistered = new DemoCity(gatewayUrl(), new DemoAccounts(identityUrl()), searchInstances, data, console)
                .registerOnce(options.demoCameras());
    }

    /** As a container would receive them: its port and instance, and where Kafka and MongoDB are. */
    private List<String> serviceArguments(PlatformService service, int instance, int port) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--server.address=" + LOOPBACK,
                "--service.instance-id=" + service.name() + "-" + instance,
                "--spring.mongodb.uri=" + mongo.uri() + "/?serverSelectionTimeoutMS=5000",
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                // Every service checks tokens against this stack's identity-service, wherever it listens.
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + identityUrl()));
        if (service.name().equals("notification-service")) {
            // Its emails go to the mail catcher, and their links lead to this stack's gateway.
            arguments.add("--spring.mail.host=" + LOOPBACK);
            arguments.add("--spring.mail.port=" + mail.smtpPort());
            arguments.add("--notification.program.public-base-url=" + gatewayUrl());
        }
        if (service.name().equals("identity-service")) {
            // The issuer every token names, and where the links in account emails lead.
            arguments.add("--spring.security.oauth2.authorizationserver.issuer=" + identityUrl());
            arguments.add("--identity.public-base-url=" + identityUrl());
            // Browsers sign in through this stack's gateway, wherever it listens.
            arguments.add("--identity.clients.gateway.redirect-uri=" + gatewayUrl() + "/login/oauth2/code/camera-registry");
            arguments.add("--identity.clients.gateway.post-logout-redirect-uri=" + gatewayUrl() + "/");
            // Its pages send people on to this stack's portal to sign in and sign up.
            arguments.add("--identity.portal-url=" + gatewayUrl() + "/");
        }
        arguments.addAll(options.settings().getOrDefault(service.name(), List.of()));
        return arguments;
    }

    /**
     * The gateway's: where every instance of each service is, and per-address limits raised far
     * above the gateway's defaults, since every client of the local stack shares one address.
     */
    private List<String> gatewayArguments() {
        StackPorts ports = options.ports();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + ports.gateway(),
                "--server.address=" + LOOPBACK,
                "--management.server.port=" + ports.gatewayManagement(),
                "--management.server.address=" + LOOPBACK,
                "--gateway.rate-limits.reads-per-second=10000",
                "--gateway.rate-limits.writes-per-second=2000",
                "--gateway.browser.issuer=" + identityUrl()));
        for (PlatformService service : ServiceCatalog.services()) {
            arguments.add("--gateway.services." + service.name() + "=" + ports.instances().get(service.name()).stream()
                    .map(port -> "http://localhost:" + port).collect(Collectors.joining(",")));
        }
        arguments.addAll(options.settings().getOrDefault("gateway", List.of()));
        return arguments;
    }

    private ServiceSpec spec(String name, int instance, int port, int managementPort, List<String> arguments,
            Map<String, String> environment) {
        String label = instance == 1 ? name : name + "-" + instance;
        return new ServiceSpec(name, instance, options.servicesDirectory().resolve(name + ".jar"), port, managementPort,
                options.serviceJvm().optionsFor(name), arguments, environment, options.dataDirectory().resolve("logs").resolve(label + ".log"));
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(services());
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.isAlive()) {
                    throw new IllegalStateException(service.spec().label() + " stopped while starting; its last lines:\n  "
                            + String.join("\n  ", service.lastLines()));
                }
                if (service.isReady()) {
                    console.printf("  %-26s %s ready%n", service.spec().label(), service.url());
                    waiting.remove(service);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not ready within " + READY_TIMEOUT.toMinutes() + " minutes: "
                        + waiting.stream().map(service -> service.spec().label()).toList() + "; see the logs in "
                        + options.dataDirectory().resolve("logs"));
            }
            pause(Duration.ofMillis(250));
        }
    }

    /** Keeps the broker for {@link #close()}, or stops it at once if the stack is already stopping. */
    private synchronized KafkaBroker keep(KafkaBroker broker) {
        if (closing) {
            broker.close();
            throw new IllegalStateException("the local stack is stopping");
        }
        kafka = broker;
        return broker;
    }

    private synchronized MongoWireServer keep(MongoWireServer server) {
        if (closing) {
            server.close();
            throw new IllegalStateException("the local stack is stopping");
        }
        mongo = server;
        return server;
    }

    private synchronized MailCatcher keep(MailCatcher catcher) {
        if (closing) {
            catcher.close();
            throw new IllegalStateException("the local stack is stopping");
        }
        mail = catcher;
        return catcher;
    }

    /**
     * Stops the services (in parallel, each gracefully), then Kafka, then MongoDB, which flushes its
     * file, then the mail catcher.
     */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running, or about to: the stop below waits for nothing of it.
        }
        stop();
    }

    private void stopAtExit() {
        console.println("Stopping the local stack...");
        stop();
        console.println("Stopped.");
    }

    private void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        synchronized (this) {
            closing = true;
        }
        supervisor.close();
        synchronized (this) {
            if (kafka != null) {
                kafka.close();
                kafka = null;
            }
            if (mongo != null) {
                mongo.close();
                mongo = null;
            }
            if (mail != null) {
                mail.close();
                mail = null;
            }
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
