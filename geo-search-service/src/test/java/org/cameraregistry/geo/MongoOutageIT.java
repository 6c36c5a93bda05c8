package org.cameraregistry.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cameraregistry.geo.CameraEventsOnKafka.cameraAt;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.cameraregistry.embedded.MongoWireServer;
import org.cameraregistry.events.Topics;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.testkit.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A valid event that arrives while geo-search's database is away waits for it; it is not parked. */
class MongoOutageIT {

    @Test
    void aValidEventOutlastsADatabaseOutageAndIsIndexedWhenTheDatabaseReturns() {
        int mongoPort = EmbeddedInfrastructure.freePort();
        String group = "geo-outage-" + UUID.randomUUID();
        String brokers = TestInfrastructure.INFRASTRUCTURE.kafkaBrokers();
        MongoWireServer mongo = MongoWireServer.startInMemory(mongoPort);
        try (ConfigurableApplicationContext geoSearch = new SpringApplicationBuilder(GeoSearchApplication.class).run(
                "--server.port=0",
                "--spring.mongodb.uri=mongodb://localhost:" + mongoPort + "/?serverSelectionTimeoutMS=300",
                "--spring.kafka.bootstrap-servers=" + brokers,
                "--geo-search.events.group=" + group,
                // Failures other than an outage would reach the dead-letter topic within two seconds.
                "--geo-search.events.retries=1",
                "--geo-search.events.max-backoff=PT1S")) {
            ApiClient api = new ApiClient("http://localhost:" + geoSearch.getEnvironment().getProperty("local.server.port"));
            mongo.close();

            UUID id = UUID.randomUUID();
            try (CameraEventsOnKafka events = new CameraEventsOnKafka(brokers)) {
                events.registered(id, cameraAt(32.6501, -96.6501, CameraLevel.LEVEL_1));
            }
            String deadLetters = Topics.deadLetter(Topics.CAMERA_REGISTERED, group);
            await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10))
                    .until(() -> !deadLettered(brokers, deadLetters, id.toString()));

            mongo = MongoWireServer.startInMemory(mongoPort);

            await().atMost(Duration.ofSeconds(30)).until(() -> {
                ApiClient.Response found = api.get("/api/search/nearest?lat=32.6501&lon=-96.6501&limit=1");
                return found.status() == 200
                        && found.json().path("cameras").path(0).path("id").asString().equals(id.toString());
            });
            assertThat(deadLettered(brokers, deadLetters, id.toString())).isFalse();
        } finally {
            mongo.close();
        }
    }

    private static boolean deadLettered(String brokers, String topic, String key) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            // Reads everything the topic holds now, however many polls that takes.
            while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
