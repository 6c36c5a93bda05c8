package org.cameraregistry.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cameraregistry.geo.CameraEventsOnKafka.cameraAt;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cameraregistry.events.Topics;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.testkit.TestIssuer;
import org.cameraregistry.testkit.EmbeddedInfrastructure;
import org.cameraregistry.testkit.KafkaProbe;
import org.cameraregistry.testkit.MongoClients;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A write the database refuses for good (here a unique index an operator added by mistake) is not
 * an outage: the event is retried a few times, then dead-lettered with the reason, and the events
 * after it are indexed.
 */
class DatabaseRefusesWriteIT {

    @Test
    void anEventWhoseWriteIsRefusedForGoodReachesTheDeadLetterTopicAndTheNextOnesAreIndexed() {
        String group = "geo-refused-" + UUID.randomUUID();
        String database = "geo-refused-" + UUID.randomUUID();
        String deadLetters = Topics.deadLetter(Topics.CAMERA_REGISTERED, group);
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.withTopics(List.of(deadLetters));
        try (MongoClient mongo = MongoClients.connect(infrastructure.mongoUri())) {
            mongo.getDatabase(database).getCollection("cameras")
                    .createIndex(Indexes.ascending("level"), new IndexOptions().unique(true));
        }
        try (KafkaProbe deadLetterProbe = new KafkaProbe(infrastructure.kafkaBrokers(), deadLetters);
                CameraEventsOnKafka events = new CameraEventsOnKafka(infrastructure.kafkaBrokers());
                ConfigurableApplicationContext geoSearch = new SpringApplicationBuilder(GeoSearchApplication.class).run(TestIssuer.shared().serviceArguments(
                        "--server.port=0",
                        "--spring.mongodb.uri=" + infrastructure.mongoUri(),
                        "--spring.mongodb.database=" + database,
                        "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBrokers(),
                        "--geo-search.events.group=" + group,
                        "--geo-search.events.retries=1",
                        "--geo-search.events.max-backoff=PT1S"))) {
            String baseUrl = "http://localhost:" + geoSearch.getEnvironment().getProperty("local.server.port");
            GivenJurisdiction.everywhere(baseUrl, "dallas");
            ApiClient api = new ApiClient(baseUrl).as(TestIssuer.shared().staff("INVESTIGATOR", "dallas"));
            UUID first = UUID.randomUUID();
            UUID refused = UUID.randomUUID();
            UUID next = UUID.randomUUID();

            events.registered(first, cameraAt(32.6001, -96.6001, CameraLevel.LEVEL_1));
            awaitFound(api, first, 32.6001, -96.6001);
            events.registered(refused, cameraAt(32.6002, -96.6002, CameraLevel.LEVEL_1));
            events.registered(next, cameraAt(32.6003, -96.6003, CameraLevel.LEVEL_2));

            ConsumerRecord<String, byte[]> dead = deadLetterProbe.await(deadLetters, refused.toString(), 1).getFirst();
            String reason = new String(dead.headers().lastHeader("kafka_dlt-exception-message").value(),
                    StandardCharsets.UTF_8);
            assertThat(reason).contains("could not be stored", "duplicate key");
            awaitFound(api, next, 32.6003, -96.6003);
        }
    }

    private static void awaitFound(ApiClient api, UUID id, double lat, double lon) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ApiClient.Response found = api.get("/api/search/nearest?lat=" + lat + "&lon=" + lon + "&limit=1");
            assertThat(found.status()).as(found.body()).isEqualTo(200);
            return found.json().path("cameras").path(0).path("id").asString().equals(id.toString());
        });
    }
}
