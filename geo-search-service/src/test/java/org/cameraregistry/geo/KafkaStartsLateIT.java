package org.cameraregistry.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cameraregistry.geo.CameraEventsOnKafka.cameraAt;

import java.time.Duration;
import java.util.UUID;
import org.cameraregistry.embedded.KafkaBroker;
import org.cameraregistry.events.Topics;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.testkit.TestIssuer;
import org.cameraregistry.testkit.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** geo-search started before Kafka serves searches at once and consumes once Kafka arrives. */
class KafkaStartsLateIT {

    @Test
    void startsReadyWithoutKafkaAndConsumesOnceItArrives() {
        int kafkaPort = EmbeddedInfrastructure.freePort();
        KafkaBroker kafka = null;
        try (ConfigurableApplicationContext geoSearch = new SpringApplicationBuilder(GeoSearchApplication.class).run(TestIssuer.shared().serviceArguments(
                "--server.port=0",
                "--spring.mongodb.uri=" + TestInfrastructure.INFRASTRUCTURE.mongoUri(),
                "--spring.mongodb.database=geo-late-kafka-" + UUID.randomUUID(),
                "--spring.kafka.bootstrap-servers=localhost:" + kafkaPort))) {
            String baseUrl = "http://localhost:" + geoSearch.getEnvironment().getProperty("local.server.port");
            GivenJurisdiction.everywhere(baseUrl, "dallas");
            ApiClient api = new ApiClient(baseUrl).as(TestIssuer.shared().staff("INVESTIGATOR", "dallas"));
            assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
            assertThat(api.get("/api/search/nearest?lat=32.9&lon=-96.9").status()).isEqualTo(200);

            kafka = KafkaBroker.startTemporary(kafkaPort, EmbeddedInfrastructure.freePort());
            kafka.createTopics(Topics.all());
            UUID id = UUID.randomUUID();
            try (CameraEventsOnKafka events = new CameraEventsOnKafka(kafka.bootstrapServers())) {
                events.registered(id, cameraAt(32.9001, -96.9001, CameraLevel.LEVEL_1));
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/search/nearest?lat=32.9001&lon=-96.9001&limit=1")
                    .json().path("cameras").path(0).path("id").asString().equals(id.toString()));
        } finally {
            if (kafka != null) {
                kafka.close();
            }
        }
    }
}
