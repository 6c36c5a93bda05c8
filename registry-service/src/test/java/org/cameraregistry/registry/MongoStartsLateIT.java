package org.cameraregistry.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.testkit.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The registry started before its database waits for it instead of failing. */
class MongoStartsLateIT {

    @Test
    void startsBeforeMongoDbAndBecomesReadyOnceItArrives() throws Exception {
        int mongoPort = freePort();
        int httpPort = freePort();
        CompletableFuture<ConfigurableApplicationContext> registry = CompletableFuture.supplyAsync(
                () -> new SpringApplicationBuilder(RegistryApplication.class).run(TestIssuer.shared().serviceArguments(
                        "--server.port=" + httpPort,
                        "--spring.mongodb.uri=mongodb://localhost:" + mongoPort + "/?serverSelectionTimeoutMS=500",
                        "--spring.kafka.bootstrap-servers=" + TestInfrastructure.INFRASTRUCTURE.kafkaBrokers())));
        ApiClient api = new ApiClient("http://localhost:" + httpPort).as(TestIssuer.shared().owner());
        MongoServer mongo = new MongoServer(new MemoryBackend());
        try {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> api.get("/actuator/health/liveness").status() == 200);
            assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(503);
            ApiClient.Response refused = api.post("/api/cameras",
                    "{\"label\":\"Too early\",\"latitude\":32.78,\"longitude\":-96.8,\"level\":\"LEVEL_1\"}");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).contains("5");
            assertThat(refused.json().path("type").asString())
                    .isEqualTo("https://cameraregistry.org/problems/storage-unavailable");

            mongo.bind("localhost", mongoPort);

            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/actuator/health/readiness").status() == 200);
            assertThat(registry.get().isRunning()).isTrue();
            assertThat(api.post("/api/cameras",
                    "{\"label\":\"Late start\",\"latitude\":32.78,\"longitude\":-96.8,\"level\":\"LEVEL_1\"}").status())
                    .isEqualTo(201);
        } finally {
            registry.thenAccept(ConfigurableApplicationContext::close).join();
            mongo.shutdownNow();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
