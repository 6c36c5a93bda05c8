package org.cameraregistry.bench;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.UuidRepresentation;
import org.cameraregistry.embedded.KafkaBroker;
import org.cameraregistry.embedded.MongoWireServer;
import org.cameraregistry.events.EventCodec;
import org.cameraregistry.events.EventEnvelope;
import org.cameraregistry.events.Topics;
import org.cameraregistry.events.camera.CameraDetails;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraRegistered;
import org.cameraregistry.registry.camera.Camera;
import org.cameraregistry.registry.camera.CameraRepository;
import org.cameraregistry.outbox.KafkaReachability;
import org.cameraregistry.outbox.Outbox;
import org.cameraregistry.outbox.OutboxRelay;
import org.cameraregistry.outbox.OutboxSettings;
import org.cameraregistry.outbox.PendingEvent;
import org.cameraregistry.outbox.RelayLease;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The registry's outbox relay on a backlog: {@code --events} cameras (10,000) stored with their
 * waiting {@code camera-registered} event in the MongoDB wire server's file backend, as the local
 * stack keeps them, then the relay started and timed until none waits; its sustained events/s,
 * as shipped (batches of 200 documents) beside one document at a time (batch size 1: send, wait
 * for the acknowledgement, acknowledge, next), in the same run, on the same broker.
 *
 * <p>{@code java -cp bench/target/bench.jar org.cameraregistry.bench.RelayDrainBench [--events=10000]}
 */
public final class RelayDrainBench {

    private RelayDrainBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions given = BenchOptions.of(args);
        int events = given.integer("events", 10_000);
        given.noOthers();
        Path work = Files.createTempDirectory(Path.of("bench", "target").toAbsolutePath(), "relay-drain-");
        try (KafkaBroker kafka = KafkaBroker.startTemporary(freePort(), freePort())) {
            kafka.createTopics(Topics.all());
            String shipped = drain(kafka, work.resolve("batched.mv"), events, 200);
            String oneAtATime = drain(kafka, work.resolve("one-at-a-time.mv"), events, 1);
            System.out.printf("%n%d waiting camera-registered events, on %d cores:%n| relay | drained in | events/s |%n"
                    + "|---|---|---|%n%s%n%s%n", events, Runtime.getRuntime().availableProcessors(), shipped, oneAtATime);
        }
    }

    private static String drain(KafkaBroker kafka, Path file, int events, int batchSize) throws InterruptedException {
        try (MongoWireServer mongo = MongoWireServer.start(file, 0);
                MongoClient client = MongoClients.create(MongoClientSettings.builder()
                        .applyConnectionString(new ConnectionString(mongo.uri()))
                        .uuidRepresentation(UuidRepresentation.STANDARD).build())) {
            MongoDatabase database = client.getDatabase("registry");
            CameraRepository cameras = new CameraRepository(database, 100);
            cameras.ensureIndexes();
            System.out.printf("storing %d cameras with their waiting events...%n", events);
            EventCodec codec = new EventCodec();
            for (int i = 0; i < events; i++) {
                Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                Camera camera = new Camera(UUID.randomUUID(), UUID.randomUUID(), 1, new CameraDetails("Drain " + i, 32.7 + i / 1e6, -96.8,
                        CameraLevel.LEVEL_1, 90, 60, Set.of(), false, 30, false), now, now);
                EventEnvelope<CameraRegistered> event = EventEnvelope.create(CameraRegistered.TYPE, "/registry-service",
                        camera.id().toString(), now, new CameraRegistered(camera.id(), 1, camera.details(), now, camera.ownerId()));
                cameras.insert(camera, new PendingEvent(event.id(),
                        Topics.CAMERA_REGISTERED, camera.id().toString(),
                        new String(codec.write(CameraRegistered.TYPE, event), StandardCharsets.UTF_8), now));
            }
            Outbox outbox = cameras.outbox();
            KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
            OutboxSettings settings = new OutboxSettings(true, Duration.ofMillis(500),
                    Duration.ofMillis(50), Duration.ofSeconds(30), batchSize, 8, 100, Duration.ofSeconds(10));
            OutboxRelay relay = new OutboxRelay(
                    Map.of(outbox, new RelayLease(database, outbox.name(), "bench", Duration.ofSeconds(10), Clock.systemUTC())),
                    template, new KafkaReachability(Map.of("bootstrap.servers", kafka.bootstrapServers()), Duration.ofSeconds(3)),
                    settings, Clock.systemUTC(), new SimpleMeterRegistry(), event -> { });
            long started = System.nanoTime();
            relay.start();
            long deadline = started + Duration.ofMinutes(4).toNanos();
            while (outbox.waitingCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            long drained = System.nanoTime() - started;
            long left = outbox.waitingCount();
            relay.stop();
            template.destroy();
            double seconds = drained / 1e9;
            String name = batchSize == 1 ? "one document at a time (batch size 1)" : "in batches of " + batchSize + " (as shipped)";
            return left == 0
                    ? "| %s | %.1f s | %.0f |".formatted(name, seconds, events / seconds)
                    : "| %s | not within 4 min (%d of %d left) | %.0f |".formatted(name, left, events, (events - left) / seconds);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
