package org.cameraregistry.deployment.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cameraregistry.catalog.PlatformService;
import org.cameraregistry.catalog.ServiceCatalog;
import org.cameraregistry.deployment.Repository;
import org.cameraregistry.events.Topics;
import org.cameraregistry.testkit.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service's Dockerfile carried out as written, without a Docker engine ({@link ImageWithoutDocker}):
 * its build stage takes the jar the build made apart, its image starts from those layers with its
 * entrypoint, and its health check says healthy once, and only once, the service is ready. The
 * registry stands for the services (it needs MongoDB and Kafka to be ready), the gateway for itself
 * (its health is on its management port).
 */
class ServiceImageIT {

    private static final Duration READY_WITHIN = Duration.ofMinutes(3);

    @TempDir
    Path workspace;

    @Test
    void theRegistrysImageStartsFromItsLayersAndIsHealthyOnceReady() throws Exception {
        PlatformService registry = ServiceCatalog.named("registry-service").orElseThrow();
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.withTopics(Topics.all());

        runsAndTurnsHealthy(registry, Map.of(
                "SPRING_MONGODB_URI", infrastructure.mongoUri() + "/?serverSelectionTimeoutMS=5000",
                "SPRING_KAFKA_BOOTSTRAPSERVERS", infrastructure.kafkaBrokers()));
    }

    @Test
    void theGatewaysImageStartsFromItsLayersAndIsHealthyOnceReady() throws Exception {
        runsAndTurnsHealthy(ServiceCatalog.GATEWAY, Map.of());
    }

    private void runsAndTurnsHealthy(PlatformService service, Map<String, String> environment) throws Exception {
        for (int port : List.of(service.port(), Repository.managementPort(service))) {
            assertFree(port);
        }
        Path module = Repository.root().resolve(service.name());
        ImageWithoutDocker image = ImageWithoutDocker.build(Dockerfile.read(module.resolve("Dockerfile")), module,
                Map.of("VERSION", Repository.version()), workspace.resolve("image"));
        assertThat(image.checkHealth()).as("unhealthy while nothing answers").isNotZero();

        Path log = Files.createFile(workspace.resolve(service.name() + ".log"));
        Process container = image.start(environment, log);
        try {
            long deadline = System.nanoTime() + READY_WITHIN.toNanos();
            while (image.checkHealth() != 0) {
                if (!container.isAlive()) {
                    fail(service.name() + " stopped (" + container.exitValue() + "):\n" + tail(log));
                }
                if (System.nanoTime() > deadline) {
                    fail(service.name() + " not healthy within " + READY_WITHIN + ":\n" + tail(log));
                }
                Thread.sleep(1_000);
            }
            assertThat(Files.readString(log)).as("started by Spring Boot's launcher from the extracted layers")
                    .contains("Started ")
                    .as("as the image's user, not root").doesNotContain("started by root");
        } finally {
            container.destroy();
            if (!container.waitFor(30, TimeUnit.SECONDS)) {
                container.destroyForcibly().waitFor();
            }
        }
        assertThat(image.checkHealth()).as("unhealthy once stopped").isNotZero();
    }

    private static void assertFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            fail("Port " + port + " is taken (is the local stack running?): the image's health check asks on it, as in"
                    + " a container. Stop what listens there and run the test again.");
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
