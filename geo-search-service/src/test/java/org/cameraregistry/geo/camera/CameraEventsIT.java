package org.cameraregistry.geo.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cameraregistry.geo.CameraEventsOnKafka.cameraAt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.cameraregistry.events.EventEnvelope;
import org.cameraregistry.events.Topics;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraRegistered;
import org.cameraregistry.events.camera.CameraUpdated;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.geo.GivenJurisdiction;
import org.cameraregistry.testkit.TestIssuer;
import org.cameraregistry.testkit.ApiContract;
import org.cameraregistry.testkit.ConsumerGroupProbe;
import org.cameraregistry.testkit.KafkaProbe;
import org.cameraregistry.geo.CameraEventsOnKafka;
import org.cameraregistry.geo.GeoSearchIntegrationTest;
import org.cameraregistry.geo.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import tools.jackson.databind.JsonNode;

class CameraEventsIT extends GeoSearchIntegrationTest {

    @LocalServerPort
    private int port;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    private ApiClient api;
    private CameraEventsOnKafka events;

    @BeforeEach
    void connect() {
        // Every exchange of these tests is also checked against the service's own OpenAPI document.
        GivenJurisdiction.everywhere("http://localhost:" + port, "dallas");
        api = new ApiClient("http://localhost:" + port)
                .heldTo(ApiContract.of("http://localhost:" + port + "/v3/api-docs"))
                .as(TestIssuer.shared().staff("INVESTIGATOR", "dallas"));
        events = new CameraEventsOnKafka(TestInfrastructure.INFRASTRUCTURE.kafkaBrokers());
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    @Test
    void aRegisteredCameraBecomesSearchable() {
        UUID id = UUID.randomUUID();

        events.registered(id, cameraAt(32.8001, -96.8101, CameraLevel.LEVEL_2));

        JsonNode hit = awaitFoundAt(id, 32.8001, -96.8101);
        assertThat(hit.path("level").asString()).isEqualTo("LEVEL_2");
    }

    /** Each camera topic is read by one consumer per partition, so that changes to many cameras are applied side by side. */
    @Test
    void eachCameraTopicIsReadByOneConsumerPerPartition() {
        for (String listener : List.of("index-registered-cameras", "index-updated-cameras", "remove-paused-cameras",
                "index-resumed-cameras", "forget-deregistered-cameras")) {
            ConcurrentMessageListenerContainer<?, ?> container =
                    (ConcurrentMessageListenerContainer<?, ?>) listeners.getListenerContainer(listener);
            assertThat(container.getConcurrency()).as(listener).isEqualTo(3);
            // Thread.getAllStackTraces lists platform threads only: the consumers are never queued behind the searches' virtual threads.
            assertThat(Thread.getAllStackTraces().keySet()).as(listener + ": its consumers on platform threads")
                    .filteredOn(thread -> thread.getName().startsWith(listener + "-")).hasSize(3);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(container.getContainers())
                    .as(listener + ": each consumer holds one partition of the topic's three")
                    .allSatisfy(consumer -> assertThat(consumer.getAssignedPartitions()).hasSize(1))
                    .flatExtracting(consumer -> List.copyOf(consumer.getAssignedPartitions()))
                    .extracting(TopicPartition::partition).containsExactlyInAnyOrder(0, 1, 2));
        }
    }

    /** How fresh the index is, as operators read it: each change applied is timed from the registry's change. */
    @Test
    void eachChangeAppliedIsTimedFromTheRegistrysChangeToTheIndex() throws Exception {
        UUID id = UUID.randomUUID();
        double before = freshnessCount(CameraRegistered.TYPE.type());

        events.registered(id, cameraAt(32.8003, -96.8103, CameraLevel.LEVEL_1));
        awaitFoundAt(id, 32.8003, -96.8103);
        events.registered(id, cameraAt(32.8003, -96.8103, CameraLevel.LEVEL_1));
        awaitEverythingConsumed();

        assertThat(freshnessCount(CameraRegistered.TYPE.type())).as("the first delivery timed, the duplicate not")
                .isEqualTo(before + 1);
    }

    private double freshnessCount(String type) throws Exception {
        java.net.http.HttpResponse<String> metrics = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/actuator/prometheus"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).as(metrics.body()).isEqualTo(200);
        return metrics.body().lines()
                .filter(line -> line.startsWith("camera_index_freshness_seconds_count{") && line.contains("change=\"" + type + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void aRedeliveredOlderEventChangesNothing() {
        UUID id = UUID.randomUUID();
        EventEnvelope<CameraRegistered> registered = events.registered(id, cameraAt(32.8101, -96.8201, CameraLevel.LEVEL_1));
        events.updated(id, 2, cameraAt(32.8151, -96.8251, CameraLevel.LEVEL_2));
        awaitFoundAt(id, 32.8151, -96.8251);

        events.again(CameraRegistered.TYPE, registered);
        awaitEverythingConsumed();

        assertThat(foundWithin(id, 32.8101, -96.8201, 50)).isFalse();
        assertThat(foundWithin(id, 32.8151, -96.8251, 1)).isTrue();
    }

    @Test
    void aChangeDeliveredAgainAfterALaterChangeDoesNotUndoIt() {
        UUID id = UUID.randomUUID();
        events.registered(id, cameraAt(32.8201, -96.8301, CameraLevel.LEVEL_1));
        EventEnvelope<CameraUpdated> moved = events.updated(id, 2, cameraAt(32.8211, -96.8311, CameraLevel.LEVEL_1));
        events.updated(id, 3, cameraAt(32.8221, -96.8321, CameraLevel.LEVEL_2));
        awaitFoundAt(id, 32.8221, -96.8321);

        events.again(CameraUpdated.TYPE, moved);
        awaitEverythingConsumed();

        assertThat(foundWithin(id, 32.8211, -96.8311, 50)).isFalse();
        assertThat(foundWithin(id, 32.8221, -96.8321, 1)).isTrue();
    }

    @Test
    void aDeregisteredCameraIsNoLongerFoundAndALateUpdateDoesNotBringItBack() {
        UUID id = UUID.randomUUID();
        events.registered(id, cameraAt(32.8301, -96.8401, CameraLevel.LEVEL_1));
        awaitFoundAt(id, 32.8301, -96.8401);

        events.deregistered(id, 3);
        await().atMost(Duration.ofSeconds(20)).until(() -> !foundWithin(id, 32.8301, -96.8401, 10));
        events.updated(id, 2, cameraAt(32.8301, -96.8401, CameraLevel.LEVEL_1));
        awaitEverythingConsumed();

        assertThat(foundWithin(id, 32.8301, -96.8401, 10)).isFalse();
    }

    @Test
    void aPausedCameraIsNotFoundEvenWhenChangedUntilResumedWhereItThenIs() {
        UUID id = UUID.randomUUID();
        events.registered(id, cameraAt(32.8351, -96.8451, CameraLevel.LEVEL_1));
        awaitFoundAt(id, 32.8351, -96.8451);

        events.paused(id, 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> !foundWithin(id, 32.8351, -96.8451, 10));
        events.updatedWhilePaused(id, 3, cameraAt(32.8361, -96.8461, CameraLevel.LEVEL_2));
        awaitEverythingConsumed();
        assertThat(foundWithin(id, 32.8361, -96.8461, 10)).as("changed while paused").isFalse();

        events.resumed(id, 4, cameraAt(32.8361, -96.8461, CameraLevel.LEVEL_2));

        assertThat(awaitFoundAt(id, 32.8361, -96.8461).path("level").asString()).isEqualTo("LEVEL_2");
    }

    @Test
    void aPauseDeliveredAfterTheResumptionDoesNotHideTheCamera() {
        UUID id = UUID.randomUUID();
        events.registered(id, cameraAt(32.8371, -96.8471, CameraLevel.LEVEL_1));
        events.resumed(id, 3, cameraAt(32.8371, -96.8471, CameraLevel.LEVEL_1));
        awaitFoundAt(id, 32.8371, -96.8471);

        events.paused(id, 2);
        awaitEverythingConsumed();

        assertThat(foundWithin(id, 32.8371, -96.8471, 10)).isTrue();
    }

    @Test
    void anEventThatIsNotJsonGoesToTheDeadLetterTopicWithTheReasonAndTheConsumerGoesOn() {
        String key = UUID.randomUUID().toString();
        events.raw(Topics.CAMERA_REGISTERED, key, "{this is not json");
        UUID next = UUID.randomUUID();
        events.registered(next, cameraAt(32.8401, -96.8501, CameraLevel.LEVEL_1));

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(Topics.deadLetter(Topics.CAMERA_REGISTERED, "geo-search"), key);
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("not JSON");
        assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.CAMERA_REGISTERED);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{this is not json");
        awaitFoundAt(next, 32.8401, -96.8501);
    }

    @Test
    void anEventThatBreaksItsSchemaGoesToTheDeadLetterTopicNamingTheField() {
        UUID id = UUID.randomUUID();
        String payload = """
                {"specversion":"1.0","id":"%s","source":"/elsewhere","type":"org.cameraregistry.camera-updated.v1",
                 "time":"2026-11-23T10:00:00Z","subject":"%s","datacontenttype":"application/json",
                 "dataschema":"https://schemas.cameraregistry.org/events/camera-updated.v1.json",
                 "data":{"cameraId":"%s","version":2,"updatedAt":"2026-11-23T10:00:00Z",
                         "camera":{"label":"x","latitude":123.0,"longitude":-96.8,"level":"LEVEL_1","views":[],"recordsAudio":false}}}
                """.formatted(UUID.randomUUID(), id, id);
        events.raw(Topics.CAMERA_UPDATED, id.toString(), payload);

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(Topics.deadLetter(Topics.CAMERA_UPDATED, "geo-search"),
                id.toString());
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("camera-updated.v1.json", "latitude");
    }

    @Test
    void anEventWhoseKeyNamesAnotherCameraGoesToTheDeadLetterTopicAndIsNotIndexed() {
        UUID id = UUID.randomUUID();
        String otherKey = UUID.randomUUID().toString();

        events.registeredUnderKey(otherKey, id, cameraAt(32.8501, -96.8601, CameraLevel.LEVEL_1));

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(Topics.deadLetter(Topics.CAMERA_REGISTERED, "geo-search"),
                otherKey);
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("must name the same camera");
        awaitEverythingConsumed();
        assertThat(foundWithin(id, 32.8501, -96.8601, 10)).isFalse();
    }

    private static void awaitEverythingConsumed() {
        ConsumerGroupProbe.awaitCaughtUp(TestInfrastructure.INFRASTRUCTURE.kafkaBrokers(), CONSUMER_GROUP,
                List.of(Topics.CAMERA_REGISTERED, Topics.CAMERA_UPDATED, Topics.CAMERA_PAUSED, Topics.CAMERA_RESUMED,
                        Topics.CAMERA_DEREGISTERED));
    }

    private JsonNode awaitFoundAt(UUID id, double lat, double lon) {
        await().atMost(Duration.ofSeconds(20)).until(() -> foundWithin(id, lat, lon, 1));
        return api.get("/api/search/within?lat=" + lat + "&lon=" + lon + "&radiusMeters=1").json().path("cameras")
                .values().stream().filter(hit -> hit.path("id").asString().equals(id.toString())).findFirst()
                .orElseThrow();
    }

    /** Whether a search finds the camera; a failed search fails the test rather than reading as "not found". */
    private boolean foundWithin(UUID id, double lat, double lon, double radiusMeters) {
        ApiClient.Response response = api.get("/api/search/within?lat=" + lat + "&lon=" + lon + "&radiusMeters=" + radiusMeters);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("cameras").values().stream()
                .anyMatch(hit -> hit.path("id").asString().equals(id.toString()));
    }

    private static ConsumerRecord<String, byte[]> awaitDeadLetter(String topic, String key) {
        try (KafkaProbe probe = new KafkaProbe(TestInfrastructure.INFRASTRUCTURE.kafkaBrokers(), topic)) {
            return probe.await(topic, key, 1).getFirst();
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
