package org.cameraregistry.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cameraregistry.localstack.demo.DallasDemoCameras;
import org.cameraregistry.localstack.services.ServiceProcess;
import org.cameraregistry.testkit.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The platform as a user meets it: every service started together on a real broker and the
 * MongoDB wire server, driven only through the gateway.
 */
class LocalStackIT {

    private static final int DEMO_CAMERAS = 60;

    private static LocalStack stack;
    private static List<ServiceProcess> services;
    private static ApiClient gateway;

    @BeforeAll
    static void startTheStack() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "local-stack-it-");
        stack = LocalStack.start(new LocalStack.Options(data, Path.of(System.getProperty("local-stack.services-dir")),
                Ports.free(), DEMO_CAMERAS), System.out);
        services = stack.services();
        gateway = new ApiClient(stack.gatewayUrl());
    }

    @AfterAll
    static void stopTheStack() {
        stack.close();

        assertThat(services).allSatisfy(service -> assertThat(service.isAlive()).as(service.name()).isFalse());
    }

    @Test
    void aCameraRegisteredThroughTheGatewayIsFoundMovedAndForgotten() {
        double lat = 32.7791;
        double lon = -96.8088;
        ApiClient.Response created = gateway.post("/api/cameras", """
                {"label":"Reunion Tower plaza","latitude":%s,"longitude":%s,"level":"LEVEL_2",
                 "facingDegrees":200,"fieldOfViewDegrees":90,"views":["SIDEWALK"]}""".formatted(lat, lon));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.header("Location")).contains("/api/cameras/" + id);

        await().atMost(Duration.ofSeconds(30)).until(() -> nearestIds(lat, lon, 1).contains(id));
        JsonNode nearest = search("/api/search/nearest?lat=" + lat + "&lon=" + lon + "&limit=1").path("cameras").get(0);
        assertThat(nearest.path("distanceMeters").asDouble()).isZero();
        assertThat(nearest.path("level").asString()).isEqualTo("LEVEL_2");
        assertThat(withinIds(lat, lon, 25)).contains(id);

        double newLat = 32.8139;
        double newLon = -96.7700;
        ApiClient.Response moved = gateway.put("/api/cameras/" + id, """
                {"label":"Moved to Greenville Ave","latitude":%s,"longitude":%s,"level":"LEVEL_2"}"""
                .formatted(newLat, newLon));
        assertThat(moved.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> withinIds(newLat, newLon, 5).contains(id));
        assertThat(withinIds(lat, lon, 25)).doesNotContain(id);
        assertThat(nearestIds(newLat, newLon, 1)).containsExactly(id);

        assertThat(gateway.delete("/api/cameras/" + id).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> !withinIds(newLat, newLon, 5).contains(id));
        assertThat(nearestIds(newLat, newLon, 5)).doesNotContain(id);
        assertThat(gateway.get("/api/cameras/" + id).status()).isEqualTo(404);
    }

    @Test
    void theDemoCityIsSearchableOnFirstStart() {
        assertThat(stack.demoCamerasLoaded()).isEqualTo(DEMO_CAMERAS);

        List<String> all = withinIds(DallasDemoCameras.CENTER_LATITUDE, DallasDemoCameras.CENTER_LONGITUDE, 30_000);

        assertThat(all).hasSizeGreaterThanOrEqualTo(DEMO_CAMERAS);
    }

    @Test
    void invalidInputThroughTheGatewayIs400ProblemDetailsNamingTheField() {
        ApiClient.Response refused = gateway.post("/api/cameras",
                "{\"label\":\"Porch\",\"latitude\":123.4,\"longitude\":-96.8,\"level\":\"LEVEL_1\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).contains("application/problem+json");
        assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("latitude");
    }

    @Test
    void everyServiceIsLiveReadyAndExposesMetricsTaggedWithItsName() {
        assertThat(services).extracting(ServiceProcess::name).containsExactlyInAnyOrder("gateway", "registry-service",
                "geo-search-service", "access-control-service", "notification-service", "device-gateway-service",
                "identity-service");
        for (ServiceProcess service : services) {
            ApiClient api = new ApiClient(service.url());
            assertThat(api.get("/actuator/health/liveness").status()).as(service.name()).isEqualTo(200);
            assertThat(api.get("/actuator/health/readiness").status()).as(service.name()).isEqualTo(200);
            assertThat(api.get("/actuator/prometheus").body()).as(service.name())
                    .contains("application=\"" + service.name() + "\"");
        }
    }

    private static JsonNode search(String path) {
        ApiClient.Response response = gateway.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> nearestIds(double lat, double lon, int limit) {
        return ids(search("/api/search/nearest?lat=" + lat + "&lon=" + lon + "&limit=" + limit));
    }

    private static List<String> withinIds(double lat, double lon, int radiusMeters) {
        return ids(search("/api/search/within?lat=" + lat + "&lon=" + lon + "&radiusMeters=" + radiusMeters
                + "&limit=5000"));
    }

    private static List<String> ids(JsonNode result) {
        return result.path("cameras").values().stream().map(hit -> hit.path("id").asString()).toList();
    }
}
