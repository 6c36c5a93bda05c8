package org.cameraregistry.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cameraregistry.geo.CameraEventsOnKafka.cameraAt;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.cameraregistry.embedded.MongoWireServer;
import org.cameraregistry.events.Topics;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.testkit.TestIssuer;
import org.cameraregistry.testkit.EmbeddedInfrastructure;
import org.cameraregistry.testkit.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A valid event that arrives while geo-search's database is away waits for it; it is not parked. */
class MongoOutageIT {

    @Test
    void aValidEventOutlastsADatabaseOutageAndIsIndexedWhenTheDatabaseReturns() {
        int mongoPort = EmbeddedInfrastructure.freePort();
        String group = "geo-outage-" + UUID.randomUUID();
        String deadLetters = Topics.deadLetter(Topics.CAMERA_REGISTERED, group);
        String brokers = EmbeddedInfrastructure.withTopics(List.of(deadLetters)).kafkaBrokers();
        MongoWireServer mongo = MongoWireServer.startInMemory(mongoPort);
        try (KafkaProbe deadLetterProbe = new KafkaProbe(brokers, deadLetters);
                ConfigurableApplicationContext geoSearch = new SpringApplicationBuilder(GeoSearchApplication.class).run(TestIssuer.shared().serviceArguments(
                "--server.port=0",
                "--spring.mongodb.uri=mongodb://localhost:" + mongoPort + "/?serverSelectionTimeoutMS=300",
                "--spring.kafka.bootstrap-servers=" + brokers,
                "--geo-search.events.group=" + group,
                // Failures other than an outage would reach the dead-letter topic within two seconds.
                "--geo-search.events.retries=1",
                "--geo-search.events.max-backoff=PT1S"))) {
            String baseUrl = "http://localhost:" + geoSearch.getEnvironment().getProperty("local.server.port");
            ApiClient api = new ApiClient(baseUrl).as(TestIssuer.shared().staff("INVESTIGATOR", "dallas"));
            mongo.close();

            UUID id = UUID.randomUUID();
            try (CameraEventsOnKafka events = new CameraEventsOnKafka(brokers)) {
                events.registered(id, cameraAt(32.6501, -96.6501, CameraLevel.LEVEL_1));
            }
            await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10))
                    .until(() -> deadLetterProbe.recordsUpToNow(deadLetters, id.toString()).isEmpty());

            mongo = MongoWireServer.startInMemory(mongoPort);
            // Set now, not before the outage: the database that returns is a new, empty one. Until
            // the service has reconnected, setting it answers 503 storage-unavailable.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> GivenJurisdiction.everywhere(baseUrl, "dallas"));

            await().atMost(Duration.ofSeconds(30)).until(() -> {
                ApiClient.Response found = api.get("/api/search/nearest?lat=32.6501&lon=-96.6501&limit=1");
                assertThat(found.status()).as(found.body()).isEqualTo(200);
                return found.json().path("cameras").path(0).path("id").asString().equals(id.toString());
            });
            assertThat(deadLetterProbe.recordsUpToNow(deadLetters, id.toString())).isEmpty();
        } finally {
            mongo.close();
        }
    }
}
