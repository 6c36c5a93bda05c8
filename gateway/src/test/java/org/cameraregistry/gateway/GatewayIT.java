package org.cameraregistry.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.cameraregistry.testkit.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class GatewayIT {

    private static final StubService REGISTRY = new StubService("registry");
    private static final StubService GEO_SEARCH = new StubService("geo-search");

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    private ApiClient api;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry properties) {
        properties.add("gateway.services.registry-service", REGISTRY::url);
        properties.add("gateway.services.geo-search-service", GEO_SEARCH::url);
    }

    @AfterAll
    static void stopServices() {
        REGISTRY.close();
        GEO_SEARCH.close();
    }

    @BeforeEach
    void connect() {
        api = new ApiClient("http://localhost:" + port);
    }

    @Test
    void cameraRequestsGoToTheRegistryWithTheirMethodPathAndBody() {
        ApiClient.Response created = api.post("/api/cameras", "{\"label\":\"Porch\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("answeredBy").asString()).isEqualTo("registry");
        assertThat(REGISTRY.received()).anySatisfy(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.uri()).isEqualTo("/api/cameras");
            assertThat(request.body()).isEqualTo("{\"label\":\"Porch\"}");
        });
        assertThat(api.delete("/api/cameras/8f1c").status()).isEqualTo(200);
        assertThat(REGISTRY.received()).anySatisfy(request -> assertThat(request.uri()).isEqualTo("/api/cameras/8f1c"));
    }

    @Test
    void searchRequestsGoToGeoSearchWithTheirQuery() {
        ApiClient.Response found = api.get("/api/search/nearest?lat=32.7&lon=-96.8&limit=3");

        assertThat(found.json().path("answeredBy").asString()).isEqualTo("geo-search");
        assertThat(GEO_SEARCH.received()).anySatisfy(
                request -> assertThat(request.uri()).isEqualTo("/api/search/nearest?lat=32.7&lon=-96.8&limit=3"));
    }

    @Test
    void answersCarrySecurityHeaders() {
        ApiClient.Response found = api.get("/api/search/within?lat=32.7&lon=-96.8&radiusMeters=10");

        assertThat(found.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(found.header("X-Frame-Options")).contains("DENY");
        assertThat(found.header("Strict-Transport-Security")).isPresent();
    }

    @Test
    void aPathNoServiceServesIs404ProblemDetails() {
        ApiClient.Response missing = api.get("/api/nothing-here");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).contains("application/problem+json");
        assertThat(missing.json().path("type").asString()).isEqualTo("https://cameraregistry.org/problems/http-404");
    }

    @Test
    void healthAndMetricsAreServedOnTheManagementPortOnlyNeverThePublicOne() {
        ApiClient management = new ApiClient("http://localhost:" + managementPort);

        assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(management.get("/actuator/prometheus").body()).contains("application=\"gateway\"");
        for (String path : new String[] {"/actuator", "/actuator/health", "/actuator/prometheus", "/actuator/env"}) {
            ApiClient.Response hidden = api.get(path);
            assertThat(hidden.status()).as(path).isEqualTo(404);
            assertThat(hidden.header("Content-Type")).as(path).contains("application/problem+json");
        }
    }

    @Test
    void aBodyLargerThanTwoMegabytesIs413AndNeverReachesTheService() {
        int before = REGISTRY.received().size();

        ApiClient.Response refused = api.post("/api/cameras", "{\"label\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}");

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.json().path("type").asString()).isEqualTo("https://cameraregistry.org/problems/content-too-large");
        assertThat(REGISTRY.received()).hasSize(before);
    }

    @Test
    void aBodyStreamedWithoutALengthIs411AndNeverReachesTheService() throws Exception {
        int before = REGISTRY.received().size();
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cameras"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream("{\"label\":\"Porch\"}".getBytes(StandardCharsets.UTF_8))))
                .build();

        HttpResponse<String> refused = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(411);
        assertThat(refused.body()).contains("https://cameraregistry.org/problems/length-required");
        assertThat(REGISTRY.received()).hasSize(before);
    }

    @Test
    void aBodyOfOneMegabytePassesToTheServiceWhichJudgesIt() {
        ApiClient.Response passed = api.post("/api/cameras", "{\"label\":\"" + "x".repeat(1024 * 1024) + "\"}");

        assertThat(passed.status()).isEqualTo(201);
    }
}
