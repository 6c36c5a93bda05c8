package org.cameraregistry.geo.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cameraregistry.geo.CameraEventsOnKafka.cameraAt;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.Set;
import org.cameraregistry.events.camera.CameraDetails;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraView;
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
    void searchesAreCountedPerDepartmentAndOutcome() {
        String department = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
        GivenJurisdiction.everywhere("http://localhost:" + port, department);
        ApiClient staff = new ApiClient("http://localhost:" + port).as(TestIssuer.shared().staff("INVESTIGATOR", department));
        String nearest = "/api/search/nearest?lat=" + LAT + "&lon=" + LON + "&limit=1";
        assertThat(staff.get(nearest).status()).isEqualTo(200);
        assertThat(staff.get(nearest).status()).isEqualTo(200);
        assertThat(staff.get("/api/search/nearest?lat=91&lon=0").status()).isEqualTo(400);

        List<String> metrics = staff.get("/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{")).toList();
        assertThat(metrics).anySatisfy(line -> assertThat(line)
                .contains("department=\"" + department + "\"", "outcome=\"SUCCESS\"", "uri=\"/api/search/nearest\"")
                .endsWith(" 2"));
        assertThat(metrics).anySatisfy(line -> assertThat(line)
                .contains("department=\"" + department + "\"", "outcome=\"CLIENT_ERROR\"", "uri=\"/api/search/nearest\"")
                .endsWith(" 1"));
        assertThat(new ApiClient("http://localhost:" + port).anonymous().get(nearest).status()).isEqualTo(401);
        assertThat(staff.get("/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{") && line.contains("status=\"401\"")))
                .as("a caller without a token is of no department").allSatisfy(line -> assertThat(line).contains("department=\"none\""))
                .isNotEmpty();
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

    /**
     * Every shape finds the same three cameras around one spot, filtered by level and by views, and
     * a box or polygon answer says how many there are when its limit leaves some out.
     */
    @Test
    void everyShapeFiltersByLevelAndViewsAndSaysHowManyThereAre() {
        double lat = 32.9100;
        double lon = -96.4700;
        UUID street = UUID.randomUUID();
        UUID parking = UUID.randomUUID();
        UUID streetAndEntrance = UUID.randomUUID();
        try (CameraEventsOnKafka events = new CameraEventsOnKafka(TestInfrastructure.INFRASTRUCTURE.kafkaBrokers())) {
            events.registered(street, viewing(lat, lon, CameraLevel.LEVEL_1, CameraView.STREET));
            events.registered(parking, viewing(lat + 0.0010, lon, CameraLevel.LEVEL_2, CameraView.PARKING));
            events.registered(streetAndEntrance, viewing(lat + 0.0020, lon, CameraLevel.LEVEL_2, CameraView.ENTRANCE,
                    CameraView.STREET));
        }
        String box = "/api/search/within-box?south=" + (lat - 0.001) + "&west=" + (lon - 0.001) + "&north="
                + (lat + 0.003) + "&east=" + (lon + 0.001);
        await().atMost(Duration.ofSeconds(20)).until(() -> ids(api.get(box)).size() == 3);

        // Within 500 m: other tests' cameras lie farther away.
        String near = "lat=" + lat + "&lon=" + lon + "&maxDistanceMeters=500";
        assertThat(ids(api.get("/api/search/nearest?" + near + "&level=LEVEL_2")))
                .containsExactly(parking.toString(), streetAndEntrance.toString());
        assertThat(ids(api.get("/api/search/nearest?" + near + "&views=STREET")))
                .containsExactly(street.toString(), streetAndEntrance.toString());
        assertThat(ids(api.get("/api/search/nearest?" + near + "&views=PARKING,ENTRANCE&level=LEVEL_2")))
                .containsExactly(parking.toString(), streetAndEntrance.toString());
        assertThat(ids(api.get("/api/search/nearest?lat=" + lat + "&lon=" + lon + "&maxDistanceMeters=150")))
                .containsExactly(street.toString(), parking.toString());
        assertThat(ids(api.get("/api/search/within?lat=" + lat + "&lon=" + lon + "&radiusMeters=500&views=ENTRANCE")))
                .containsExactly(streetAndEntrance.toString());
        JsonNode viewsOfOne = api.get("/api/search/within?lat=" + lat + "&lon=" + lon + "&radiusMeters=500&views=ENTRANCE").json();
        assertThat(viewsOfOne.path("cameras").get(0).path("views").values()).extracting(JsonNode::asString)
                .containsExactly("STREET", "ENTRANCE");

        assertThat(ids(api.get(box + "&level=LEVEL_1"))).containsExactly(street.toString());
        JsonNode limited = api.get(box + "&limit=2").json();
        assertThat(limited.path("cameras").size()).isEqualTo(2);
        assertThat(limited.path("total").asInt()).isEqualTo(3);
        assertThat(limited.path("complete").asBoolean()).isFalse();
        assertThat(api.get(box).json().path("complete").asBoolean()).isTrue();

        // A triangle around the two southern cameras only, edges straight in longitude and latitude.
        String triangle = "{\"type\": \"Polygon\", \"coordinates\": [[[" + (lon - 0.002) + ", " + (lat - 0.001) + "], ["
                + (lon + 0.002) + ", " + (lat - 0.001) + "], [" + lon + ", " + (lat + 0.0015) + "], [" + (lon - 0.002) + ", "
                + (lat - 0.001) + "]]]}";
        assertThat(ids(api.postAs("application/geo+json", "/api/search/within-polygon", triangle)))
                .containsExactlyInAnyOrder(street.toString(), parking.toString());
        assertThat(ids(api.post("/api/search/within-polygon?views=PARKING", triangle))).containsExactly(parking.toString());
    }

    /**
     * A map's view counted per H3 cell, as H3 itself places each camera: a cell of many cameras
     * gives their count and centroid only, a cell of few lists them too; filters apply as to any search.
     */
    @Test
    void clustersCountTheCamerasInAMapsViewPerH3Cell() throws Exception {
        double lat = 32.9900;
        double lon = -96.3500;
        List<UUID> crowd = Stream.generate(UUID::randomUUID).limit(6).toList();
        UUID alone = UUID.randomUUID();
        try (CameraEventsOnKafka events = new CameraEventsOnKafka(TestInfrastructure.INFRASTRUCTURE.kafkaBrokers())) {
            for (UUID id : crowd) {
                events.registered(id, viewing(lat, lon, CameraLevel.LEVEL_1, CameraView.STREET));
            }
            events.registered(alone, viewing(lat - 0.009, lon + 0.009, CameraLevel.LEVEL_2, CameraView.PARKING));
        }
        String view = "/api/search/clusters?south=" + (lat - 0.01) + "&west=" + (lon - 0.01) + "&north=" + (lat + 0.01)
                + "&east=" + (lon + 0.01) + "&zoom=12";
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get(view).json().path("total").asInt() == 7);

        JsonNode clusters = api.get(view).json();
        assertThat(clusters.path("resolution").asInt()).as("zoom 12's cells").isEqualTo(7);
        com.uber.h3core.H3Core h3 = com.uber.h3core.H3Core.newInstance();
        String crowdCell = h3.latLngToCellAddress(lat, lon, 7);
        String aloneCell = h3.latLngToCellAddress(lat - 0.009, lon + 0.009, 7);
        assertThat(aloneCell).as("the test's places lie in two cells").isNotEqualTo(crowdCell);
        assertThat(clusters.path("clusters").values()).extracting(cluster -> cluster.path("cell").asString())
                .containsExactlyInAnyOrder(crowdCell, aloneCell);
        for (JsonNode cluster : clusters.path("clusters").values()) {
            if (cluster.path("cell").asString().equals(crowdCell)) {
                assertThat(cluster.path("count").asInt()).isEqualTo(6);
                assertThat(cluster.path("cameras").size()).as("six are too many to list").isZero();
                assertThat(cluster.path("latitude").asDouble()).isCloseTo(lat, org.assertj.core.data.Offset.offset(1e-5));
                assertThat(cluster.path("longitude").asDouble()).isCloseTo(lon, org.assertj.core.data.Offset.offset(1e-5));
            } else {
                assertThat(cluster.path("count").asInt()).isEqualTo(1);
                assertThat(ids(cluster)).containsExactly(alone.toString());
                assertThat(cluster.path("cameras").get(0).path("level").asString()).isEqualTo("LEVEL_2");
            }
        }

        JsonNode parkingOnly = api.get(view + "&views=PARKING").json();
        assertThat(parkingOnly.path("total").asInt()).isEqualTo(1);
        assertThat(parkingOnly.path("clusters").values()).extracting(cluster -> cluster.path("cell").asString())
                .containsExactly(aloneCell);
    }

    @Test
    void clustersOfTheWholeWorldAtAStreetsZoomComeInCoarserCells() {
        JsonNode world = api.get("/api/search/clusters?south=-90&west=-180&north=90&east=180&zoom=20").json();

        // Zoom 20 asks for resolution 13; the Earth holds 2,000 cells (the default at most) of resolution 1 only.
        assertThat(world.path("resolution").asInt()).isEqualTo(1);
        assertThat(world.path("total").asInt()).isEqualTo(world.path("clusters").values().stream()
                .mapToInt(cluster -> cluster.path("count").asInt()).sum());
    }

    static Stream<Arguments> invalidAreas() {
        return Stream.of(
                Arguments.of("{\"type\": \"Point\", \"coordinates\": [-96.8, 32.7]}", "unsupported-type"),
                Arguments.of("{\"type\": \"Polygon\", \"coordinates\": [[[-96.8, 32.7], [-96.7, 32.7], [-96.7, 32.8]]]}",
                        "too-few-positions"),
                Arguments.of("{\"type\": \"Polygon\", \"coordinates\": [[[-96.8, 32.7], [-96.7, 32.8], [-96.7, 32.7],"
                        + " [-96.8, 32.8], [-96.8, 32.7]]]}", "self-intersection"),
                Arguments.of("{\"type\": \"Polygon\", \"coordinates\": [[[32.7, -196.8], [32.8, -96.8], [32.8, -96.7],"
                        + " [32.7, -196.8]]]}", "position-out-of-range"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidAreas")
    void anInvalidPolygonIs400NamingItsFault(String polygon, String fault) {
        ApiClient.Response refused = api.post("/api/search/within-polygon", polygon);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).contains("application/problem+json");
        assertThat(refused.json().path("type").asString()).isEqualTo("https://cameraregistry.org/problems/invalid-search-area");
        assertThat(refused.json().path("fault").asString()).isEqualTo(fault);
    }

    @Test
    void aBoxWhoseSouthIsAboveItsNorthIs400() {
        ApiClient.Response refused = api.get("/api/search/within-box?south=33&west=-97&north=32&east=-96");
        ApiClient.Response refusedClusters = api.get("/api/search/clusters?south=33&west=-97&north=32&east=-96&zoom=9");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("fault").asString()).isEqualTo("south-above-north");
        assertThat(refusedClusters.status()).isEqualTo(400);
        assertThat(refusedClusters.json().path("fault").asString()).isEqualTo("south-above-north");
    }

    private static CameraDetails viewing(double lat, double lon, CameraLevel level, CameraView... views) {
        return new CameraDetails("Test camera", lat, lon, level, null, null, Set.of(views), false, null, false);
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
                Arguments.of("/api/search/within?lat=32.7&lon=-96.8&radiusMeters=far", "radiusMeters"),
                Arguments.of("/api/search/nearest?lat=32.7&lon=-96.8&maxDistanceMeters=0", "maxDistanceMeters"),
                Arguments.of("/api/search/nearest?lat=32.7&lon=-96.8&maxDistanceMeters=100001", "maxDistanceMeters"),
                Arguments.of("/api/search/nearest?lat=32.7&lon=-96.8&level=LEVEL_3", "level"),
                Arguments.of("/api/search/nearest?lat=32.7&lon=-96.8&views=SKY", "views"),
                Arguments.of("/api/search/within-box?south=32&west=-97&north=33", "east"),
                Arguments.of("/api/search/within-box?south=-91&west=-97&north=33&east=-96", "south"),
                Arguments.of("/api/search/within-box?south=32&west=-97&north=33&east=-96&limit=5001", "limit"),
                Arguments.of("/api/search/within-box?south=32&west=-97&north=33&east=-96&level=LEVEL_3", "level"),
                Arguments.of("/api/search/clusters?south=32&west=-97&north=33&east=-96", "zoom"),
                Arguments.of("/api/search/clusters?south=32&west=-97&north=33&east=-96&zoom=25", "zoom"),
                Arguments.of("/api/search/clusters?south=32&west=-197&north=33&east=-96&zoom=6", "west"));
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
    void aFilterValueThatIsNoLevelOrViewIsAnsweredWithTheValuesThereAre() {
        ApiClient.Response level = api.get("/api/search/nearest?lat=32.7&lon=-96.8&level=LEVEL_1,LEVEL_3");
        ApiClient.Response views = api.get("/api/search/within?lat=32.7&lon=-96.8&radiusMeters=100&views=STREET&views=SKY");

        assertThat(level.status()).isEqualTo(400);
        assertThat(level.json().path("errors").get(0).path("message").asString()).isEqualTo("must be one of [LEVEL_1, LEVEL_2]");
        assertThat(views.status()).isEqualTo(400);
        assertThat(views.json().path("errors").get(0).path("message").asString()).startsWith("must be one of [").contains("STREET");
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
