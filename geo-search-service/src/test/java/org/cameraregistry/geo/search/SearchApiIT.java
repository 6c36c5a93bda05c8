package org.cameraregistry.geo.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cameraregistry.geo.CameraEventsOnKafka.cameraAt;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.geo.GivenJurisdiction;
import org.cameraregistry.testkit.TestIssuer;
import org.cameraregistry.testkit.ApiContract;
import org.cameraregistry.geo.CameraEventsOnKafka;
import org.cameraregistry.geo.GeoSearchIntegrationTest;
import org.cameraregistry.geo.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

class SearchApiIT extends GeoSearchIntegrationTest {

    /** A spot far from the other tests' cameras, at Lake Ray Hubbard. */
    private static final double LAT = 32.8600;
    private static final double LON = -96.5300;

    @LocalServerPort
    private int port;

    private ApiClient api;

    @BeforeEach
    void connect() {
        GivenJurisdiction.everywhere("http://localhost:" + port, "dallas");
        // Every exchange of these tests is also checked against the service's own OpenAPI document.
        api = new ApiClient("http://localhost:" + port)
                .heldTo(ApiContract.of("http://localhost:" + port + "/v3/api-docs"))
                .as(TestIssuer.shared().staff("INVESTIGATOR", "dallas"));
    }

    @Test
    void nearestAndWithinAnswerTheCamerasNearestFirstWithTheirDistances() {
        UUID near = UUID.randomUUID();
        UUID middle = UUID.randomUUID();
        UUID far = UUID.randomUUID();
        try (CameraEventsOnKafka events = new CameraEventsOnKafka(TestInfrastructure.INFRASTRUCTURE.kafkaBrokers())) {
            events.registered(far, cameraAt(LAT + 0.0090, LON, CameraLevel.LEVEL_1));
            events.registered(near, cameraAt(LAT + 0.0010, LON, CameraLevel.LEVEL_2));
            events.registered(middle, cameraAt(LAT + 0.0045, LON, CameraLevel.LEVEL_1));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> ids(api.get(within(1100))).size() == 3);

        JsonNode nearest = api.get("/api/search/nearest?lat=" + LAT + "&lon=" + LON + "&limit=2").json();
        assertThat(ids(nearest)).containsExactly(near.toString(), middle.toString());
        JsonNode first = nearest.path("cameras").get(0);
        assertThat(first.path("latitude").asDouble()).isEqualTo(LAT + 0.0010);
        assertThat(first.path("longitude").asDouble()).isEqualTo(LON);
        assertThat(first.path("level").asString()).isEqualTo("LEVEL_2");
        assertThat(first.path("distanceMeters").asDouble()).isBetween(110.0, 112.5);

        assertThat(ids(api.get(within(600)).json())).containsExactly(near.toString(), middle.toString());
        assertThat(ids(api.get(within(1100)).json())).containsExactly(near.toString(), middle.toString(), far.toString());
    }

    @Test
    void aSearchWhereThereAreNoCamerasAnswersAnEmptyList() {
        ApiClient.Response response = api.get("/api/search/within?lat=-45.0&lon=170.0&radiusMeters=1000");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("cameras").isArray()).isTrue();
        assertThat(response.json().path("cameras").size()).isZero();
    }

    static Stream<Arguments> invalidSearches() {
        return Stream.of(
                Arguments.of("/api/search/nearest?lon=-96.8", "lat"),
                Arguments.of("/api/search/nearest?lat=91&lon=-96.8", "lat"),
                Arguments.of("/api/search/nearest?lat=abc&lon=-96.8", "lat"),
                Arguments.of("/api/search/nearest?lat=32.7&lon=-196.8", "lon"),
                Arguments.of("/api/search/nearest?lat=32.7&lon=-96.8&limit=0", "limit"),
                Arguments.of("/api/search/nearest?lat=32.7&lon=-96.8&limit=101", "limit"),
                Arguments.of("/api/search/nearest?lat=32.7&lon=-96.8&limit=0x10", "limit"),
                Arguments.of("/api/search/nearest?lat=32.7&lon=-96.8&limit=%2310", "limit"),
                Arguments.of("/api/search/nearest?lat=0x1p5&lon=-96.8", "lat"),
                Arguments.of("/api/search/nearest?lat=NaN&lon=-96.8", "lat"),
                Arguments.of("/api/search/within?lat=32.7&lon=-96.8&radiusMeters=Infinity", "radiusMeters"),
                Arguments.of("/api/search/within?lat=32.7&lon=-96.8", "radiusMeters"),
                Arguments.of("/api/search/within?lat=32.7&lon=-96.8&radiusMeters=0", "radiusMeters"),
                Arguments.of("/api/search/within?lat=32.7&lon=-96.8&radiusMeters=50001", "radiusMeters"),
                Arguments.of("/api/search/within?lat=32.7&lon=-96.8&radiusMeters=far", "radiusMeters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSearches")
    void anInvalidSearchIs400ProblemDetailsNamingTheParameter(String path, String parameter) {
        ApiClient.Response refused = api.get(path);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).contains("application/problem+json");
        assertThat(refused.json().path("type").asString()).isEqualTo("https://cameraregistry.org/problems/invalid-request");
        assertThat(refused.json().path("errors").values()).extracting(error -> error.path("field").asString())
                .containsExactly(parameter);
        assertThat(refused.body()).doesNotContain("Exception");
    }

    @Test
    void anUnknownPathIs404ProblemDetails() {
        ApiClient.Response missing = api.get("/api/search/everywhere");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).contains("application/problem+json");
    }

    private static String within(int radiusMeters) {
        return "/api/search/within?lat=" + LAT + "&lon=" + LON + "&radiusMeters=" + radiusMeters;
    }

    /** The ids a search found; a failed search fails the test rather than reading as "nothing found". */
    private static List<String> ids(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return ids(response.json());
    }

    private static List<String> ids(JsonNode result) {
        return result.path("cameras").values().stream().map(hit -> hit.path("id").asString()).toList();
    }
}
