package org.cameraregistry.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.cameraregistry.embedded.KafkaBroker;
import org.cameraregistry.events.Topics;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.testkit.TestIssuer;
import org.cameraregistry.testkit.EmbeddedInfrastructure;
import org.cameraregistry.testkit.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The registry started before Kafka takes registrations at once and publishes them once Kafka arrives. */
class KafkaStartsLateIT {

    @Test
    void registersWithoutKafkaAndPublishesOnceItArrives() {
        int kafkaPort = EmbeddedInfrastructure.freePort();
        KafkaBroker kafka = null;
        try (ConfigurableApplicationContext registry = new SpringApplicationBuilder(RegistryApplication.class).run(TestIssuer.shared().serviceArguments(
                "--server.port=0",
                "--spring.mongodb.uri=" + TestInfrastructure.INFRASTRUCTURE.mongoUri(),
                "--spring.mongodb.database=registry-late-kafka-" + UUID.randomUUID(),
                "--spring.kafka.bootstrap-servers=localhost:" + kafkaPort,
                "--spring.kafka.producer.properties.max.block.ms=1000",
                "--registry.outbox.max-backoff=PT2S",
                // An event wrongly blamed for the outage would be parked after two attempts.
                "--registry.outbox.max-attempts=2"))) {
            ApiClient api = new ApiClient("http://localhost:" + registry.getEnvironment().getProperty("local.server.port"))
                    .as(TestIssuer.shared().owner());
            assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);

            ApiClient.Response created = api.post("/api/cameras",
                    "{\"label\":\"Before Kafka\",\"latitude\":32.78,\"longitude\":-96.8,\"level\":\"LEVEL_1\"}");
            assertThat(created.status()).isEqualTo(201);
            String id = created.json().path("id").asString();

            kafka = KafkaBroker.startTemporary(kafkaPort, EmbeddedInfrastructure.freePort());
            kafka.createTopics(Topics.all());
            try (KafkaProbe probe = new KafkaProbe(kafka.bootstrapServers(), Topics.CAMERA_REGISTERED)) {
                assertThat(probe.await(Topics.CAMERA_REGISTERED, id, 1)).hasSize(1);
            }
            ApiClient.Response outbox = api.get("/actuator/outbox");
            assertThat(outbox.json().path("parked").size()).as(outbox.body()).isZero();
        } finally {
            if (kafka != null) {
                kafka.close();
            }
        }
    }
}
