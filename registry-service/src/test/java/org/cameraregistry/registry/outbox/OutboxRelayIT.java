package org.cameraregistry.registry.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.cameraregistry.events.Topics;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.testkit.KafkaProbe;
import org.cameraregistry.registry.RegistryApplication;
import org.cameraregistry.registry.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The outbox keeps an event that could not be relayed before the service went down. */
class OutboxRelayIT {

    private static final String DATABASE = "registry-outbox-" + UUID.randomUUID();

    @Test
    void anEventWrittenWhileTheRelayIsDownIsPublishedExactlyOnceAfterRestart() {
        try (KafkaProbe kafka = new KafkaProbe(TestInfrastructure.INFRASTRUCTURE.kafkaBrokers(), Topics.CAMERA_REGISTERED)) {
            String id;
            try (ConfigurableApplicationContext beforeCrash = startRegistry(false)) {
                id = register(beforeCrash, "Written before the crash");

                List<Document> waiting = outboxOf(beforeCrash, id);
                assertThat(waiting).hasSize(1);
                assertThat(waiting.getFirst().getString("topic")).isEqualTo(Topics.CAMERA_REGISTERED);
            }
            assertThat(kafka.recordsUpToNow(Topics.CAMERA_REGISTERED, id)).isEmpty();

            try (ConfigurableApplicationContext afterRestart = startRegistry(true)) {
                kafka.await(Topics.CAMERA_REGISTERED, id, 1);
                await().atMost(Duration.ofSeconds(10)).until(() -> outboxOf(afterRestart, id).isEmpty());

                // The relay publishes in order: once a later camera's event is out, a repeat of the first would be too.
                String later = register(afterRestart, "Written after the restart");
                kafka.await(Topics.CAMERA_REGISTERED, later, 1);
                assertThat(kafka.recordsUpToNow(Topics.CAMERA_REGISTERED, id)).hasSize(1);
            }
        }
    }

    private static ConfigurableApplicationContext startRegistry(boolean relayEnabled) {
        return new SpringApplicationBuilder(RegistryApplication.class).run(
                "--server.port=0",
                "--spring.mongodb.uri=" + TestInfrastructure.INFRASTRUCTURE.mongoUri(),
                "--spring.mongodb.database=" + DATABASE,
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.INFRASTRUCTURE.kafkaBrokers(),
                "--registry.outbox.relay-enabled=" + relayEnabled);
    }

    private static String register(ConfigurableApplicationContext registry, String label) {
        ApiClient api = new ApiClient("http://localhost:" + registry.getEnvironment().getProperty("local.server.port"));
        ApiClient.Response created = api.post("/api/cameras",
                "{\"label\":\"" + label + "\",\"latitude\":32.78,\"longitude\":-96.8,\"level\":\"LEVEL_1\"}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private static List<Document> outboxOf(ConfigurableApplicationContext registry, String id) {
        Document camera = registry.getBean(MongoDatabase.class).getCollection("cameras")
                .find(Filters.eq("_id", UUID.fromString(id))).first();
        return camera.getList(Outbox.EVENTS, Document.class, List.of());
    }
}
