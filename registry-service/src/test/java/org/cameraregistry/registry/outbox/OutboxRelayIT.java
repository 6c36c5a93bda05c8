package org.cameraregistry.registry.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.cameraregistry.events.Topics;
import org.cameraregistry.outbox.Outbox;
import org.cameraregistry.registry.RunningRegistry;
import org.cameraregistry.registry.TestInfrastructure;
import org.cameraregistry.testkit.KafkaProbe;
import org.junit.jupiter.api.Test;

/** The outbox keeps an event that could not be relayed before the service went down. */
class OutboxRelayIT {

    private static final String DATABASE = "registry-outbox-" + UUID.randomUUID();

    @Test
    void anEventWrittenWhileTheRelayIsDownIsPublishedExactlyOnceAfterRestart() {
        try (KafkaProbe kafka = new KafkaProbe(TestInfrastructure.INFRASTRUCTURE.kafkaBrokers(), Topics.CAMERA_REGISTERED)) {
            String id;
            try (RunningRegistry beforeCrash = RunningRegistry.start(DATABASE, "--registry.outbox.relay-enabled=false")) {
                id = beforeCrash.register("Written before the crash");

                List<Document> waiting = outboxOf(beforeCrash, id);
                assertThat(waiting).hasSize(1);
                assertThat(waiting.getFirst().getString("topic")).isEqualTo(Topics.CAMERA_REGISTERED);
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> beforeCrash.metric("outbox_oldest_waiting_age_seconds") > 0);
                assertThat(beforeCrash.metric("outbox_waiting_documents")).isEqualTo(1);
            }
            assertThat(kafka.recordsUpToNow(Topics.CAMERA_REGISTERED, id)).isEmpty();

            try (RunningRegistry afterRestart = RunningRegistry.start(DATABASE)) {
                kafka.await(Topics.CAMERA_REGISTERED, id, 1);
                await().atMost(Duration.ofSeconds(10)).until(() -> outboxOf(afterRestart, id).isEmpty());

                // The relay publishes in order: once a later camera's event is out, a repeat of the first would be too.
                String later = afterRestart.register("Written after the restart");
                kafka.await(Topics.CAMERA_REGISTERED, later, 1);
                assertThat(kafka.recordsUpToNow(Topics.CAMERA_REGISTERED, id)).hasSize(1);
                assertThat(afterRestart.metric("outbox_oldest_waiting_age_seconds")).isZero();
            }
        }
    }

    private static List<Document> outboxOf(RunningRegistry registry, String id) {
        Document camera = registry.database().getCollection("cameras")
                .find(Filters.eq("_id", UUID.fromString(id))).first();
        return camera.getList(Outbox.EVENTS, Document.class, List.of());
    }
}
