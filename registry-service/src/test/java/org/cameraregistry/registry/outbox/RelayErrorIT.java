package org.cameraregistry.registry.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.cameraregistry.registry.RunningRegistry;
import org.junit.jupiter.api.Test;

/** An Error on the relay's thread is not swallowed while the service reports itself healthy. */
class RelayErrorIT {

    @Test
    void anErrorStopsTheRelayAndMarksTheServiceNotLiveSoThatItIsRestarted() {
        try (RunningRegistry registry = RunningRegistry.start("registry-error-" + UUID.randomUUID(),
                "--spring.kafka.producer.value-serializer=" + ErrorThrowingSerializer.class.getName())) {
            assertThat(registry.api().get("/actuator/health/liveness").status()).isEqualTo(200);

            registry.register(ErrorThrowingSerializer.MARKER);

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> registry.api().get("/actuator/health/liveness").status() == 503);
            assertThat(registry.api().get("/actuator/health/liveness").json().path("status").asString())
                    .isEqualTo("DOWN");
        }
    }
}
