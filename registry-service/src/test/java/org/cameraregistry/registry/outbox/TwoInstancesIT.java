package org.cameraregistry.registry.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cameraregistry.events.Topics;
import org.cameraregistry.registry.RunningRegistry;
import org.cameraregistry.registry.TestInfrastructure;
import org.cameraregistry.testkit.KafkaProbe;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the registry on one database: both take writes, one relays, and no event is
 * published twice; when that one stops, the other takes over at once.
 */
class TwoInstancesIT {

    @Test
    void oneOfTwoInstancesRelaysEveryEventOnceAndTheOtherTakesOverWhenItStops() {
        String database = "registry-two-" + UUID.randomUUID();
        try (KafkaProbe kafka = new KafkaProbe(TestInfrastructure.INFRASTRUCTURE.kafkaBrokers(), Topics.CAMERA_REGISTERED);
                RunningRegistry first = RunningRegistry.start(database, "--service.instance-id=first");
                RunningRegistry second = RunningRegistry.start(database, "--service.instance-id=second")) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ids.add((i % 2 == 0 ? first : second).register("Camera " + i));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> first.metric("outbox_waiting_documents") == 0);

            Map<String, Long> published = kafka.recordsUpToNow(Topics.CAMERA_REGISTERED).stream()
                    .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
            assertThat(ids).allSatisfy(id -> assertThat(published.get(id)).as(id).isEqualTo(1));
            assertThat(first.metric("outbox_lease_held") + second.metric("outbox_lease_held"))
                    .isEqualTo(1);

            RunningRegistry relaying = first.metric("outbox_lease_held") == 1 ? first : second;
            RunningRegistry other = relaying == first ? second : first;
            relaying.close();
            String afterwards = other.register("After the relaying instance stopped");

            kafka.await(Topics.CAMERA_REGISTERED, afterwards, 1);
            assertThat(other.metric("outbox_lease_held")).isEqualTo(1);
        }
    }
}
