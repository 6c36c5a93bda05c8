package org.cameraregistry.registry.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.cameraregistry.events.Topics;
import org.cameraregistry.outbox.Outbox;
import org.cameraregistry.registry.RunningRegistry;
import org.cameraregistry.registry.TestInfrastructure;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.testkit.KafkaProbe;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Events that cannot be published stop only themselves: they are retried, then parked with their
 * reason, while every other camera's events flow; an operator mends one and re-queues it.
 */
class OutboxPoisonIT {

    @Test
    void poisonEventsAreParkedWithTheirReasonWhileOthersFlowAndAMendedOneIsRequeued() {
        try (KafkaProbe kafka = new KafkaProbe(TestInfrastructure.INFRASTRUCTURE.kafkaBrokers(), Topics.CAMERA_REGISTERED);
                RunningRegistry registry = RunningRegistry.start("registry-poison-" + UUID.randomUUID(),
                        "--registry.outbox.max-attempts=3", "--registry.outbox.max-backoff=PT1S")) {
            MongoCollection<Document> cameras = registry.database().getCollection("cameras");
            String refusedByKafka = UUID.randomUUID().toString();
            String withoutPayload = UUID.randomUUID().toString();
            String first = registry.register("Holds a bad topic");
            String second = registry.register("Holds an entry without payload");
            String third = registry.register("Holds no event at all");
            kafka.await(Topics.CAMERA_REGISTERED, third, 1);
            // An event for a topic whose name Kafka refuses, one with no payload, and an entry that is no event at all.
            append(cameras, first, entry(refusedByKafka, "camera registered!", first, "{}"));
            append(cameras, second, entry(withoutPayload, Topics.CAMERA_REGISTERED, second, null));
            append(cameras, third, "not an event");

            String flowing = registry.register("Registered while poison waits");
            kafka.await(Topics.CAMERA_REGISTERED, flowing, 1);

            ApiClient operator = registry.api();
            await().atMost(Duration.ofSeconds(30)).until(() -> outbox(operator).path("parked").size() == 3);
            JsonNode summary = outbox(operator);
            assertThat(summary.path("parkedDocuments").asInt()).isEqualTo(3);
            assertThat(summary.path("waitingDocuments").asInt()).isZero();
            assertThat(reasonOf(summary, refusedByKafka)).contains("InvalidTopicException");
            assertThat(parkedEvent(summary, refusedByKafka).path("attempts").asInt()).isEqualTo(3);
            assertThat(reasonOf(summary, withoutPayload)).isEqualTo("unreadable outbox entry: the entry has no payload");
            assertThat(summary.path("parked").values().stream().map(parked -> parked.path("reason").asString()))
                    .anySatisfy(reason -> assertThat(reason).contains("had no event id", "not an event"));
            assertThat(registry.metric("outbox_parked_total")).isEqualTo(3);
            assertThat(registry.metric("outbox_parked_documents")).isEqualTo(3);

            // The operator mends the topic and re-queues the event, as the runbook says.
            cameras.updateOne(Filters.eq("outboxParked.eventId", refusedByKafka),
                    Updates.set("outboxParked.$.topic", Topics.CAMERA_REGISTERED));
            ApiClient.Response requeued = operator.post("/actuator/outbox", "{\"eventId\":\"" + refusedByKafka + "\"}");
            assertThat(requeued.json().path("requeued").asInt()).isEqualTo(1);

            assertThat(kafka.await(Topics.CAMERA_REGISTERED, first, 2)).hasSize(2);
            await().atMost(Duration.ofSeconds(10)).until(() -> outbox(operator).path("parked").size() == 2);
        }
    }

    private static Document entry(String eventId, String topic, String key, String payload) {
        Document entry = new Document("eventId", eventId).append("topic", topic).append("key", key);
        if (payload != null) {
            entry.append("payload", payload);
        }
        return entry.append("createdAt", new Date());
    }

    private static void append(MongoCollection<Document> cameras, String id, Object entry) {
        cameras.updateOne(Filters.eq("_id", UUID.fromString(id)), Updates.combine(
                Updates.push(Outbox.EVENTS, entry), Updates.min("outboxSince", new Date())));
    }

    private static JsonNode outbox(ApiClient operator) {
        ApiClient.Response summary = operator.get("/actuator/outbox");
        assertThat(summary.status()).as(summary.body()).isEqualTo(200);
        return summary.json();
    }

    private static JsonNode parkedEvent(JsonNode summary, String eventId) {
        return summary.path("parked").values().stream()
                .filter(parked -> parked.path("eventId").asString().equals(eventId))
                .findFirst().orElseThrow();
    }

    private static String reasonOf(JsonNode summary, String eventId) {
        return parkedEvent(summary, eventId).path("reason").asString();
    }
}
