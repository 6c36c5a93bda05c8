package org.cameraregistry.geo.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cameraregistry.geo.CameraEventsOnKafka.cameraAt;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.UuidRepresentation;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.geo.CameraEventsOnKafka;
import org.cameraregistry.geo.GeoSearchIntegrationTest;
import org.cameraregistry.geo.GivenJurisdiction;
import org.cameraregistry.geo.TestInfrastructure;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.testkit.ApiContract;
import org.cameraregistry.testkit.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Two neighbouring departments whose jurisdictions overlap in a strip west of Boulder, far from the
 * other tests' cameras: north covers latitudes 40.000 to 40.020, south 39.990 to 40.010. Each test
 * has a strip of its own, 0.1 degree of longitude (8.5 km) west of the one before.
 */
class JurisdictionIT extends GeoSearchIntegrationTest {

    private static final AtomicInteger STRIPS = new AtomicInteger();

    private final double lon = -105.01 - 0.1 * STRIPS.getAndIncrement();
    private final double west = lon - 0.01;
    private final double east = lon + 0.01;

    @LocalServerPort
    private int port;

    private final String north = "north-" + UUID.randomUUID();
    private final String south = "south-" + UUID.randomUUID();
    private final UUID northOnly = UUID.randomUUID();
    private final UUID inBoth = UUID.randomUUID();
    private final UUID southOnly = UUID.randomUUID();

    private ApiClient anonymous;

    @BeforeEach
    void twoDepartmentsWithCamerasInEachAndInBoth() {
        anonymous = new ApiClient(baseUrl()).heldTo(ApiContract.of(baseUrl() + "/v3/api-docs"));
        GivenJurisdiction.of(baseUrl(), north, box(40.000, 40.020));
        GivenJurisdiction.of(baseUrl(), south, box(39.990, 40.010));
        try (CameraEventsOnKafka events = new CameraEventsOnKafka(TestInfrastructure.INFRASTRUCTURE.kafkaBrokers())) {
            events.registered(northOnly, cameraAt(40.015, lon, CameraLevel.LEVEL_1));
            events.registered(inBoth, cameraAt(40.005, lon, CameraLevel.LEVEL_2));
            events.registered(southOnly, cameraAt(39.995, lon, CameraLevel.LEVEL_1));
        }
        ApiClient everywhere = anonymous.as(TestIssuer.shared().staff("INVESTIGATOR", "dallas"));
        GivenJurisdiction.everywhere(baseUrl(), "dallas");
        await().atMost(Duration.ofSeconds(20)).until(() -> found(everywhere.get(aroundTheStrip(3000))).size() == 3);
    }

    @Test
    void eachDepartmentSeesTheCamerasInItsJurisdictionAndACameraInBothIsSeenByBoth() {
        ApiClient northInvestigator = anonymous.as(TestIssuer.shared().staff("INVESTIGATOR", north));
        ApiClient southSupervisor = anonymous.as(TestIssuer.shared().staff("SUPERVISOR", south));

        assertThat(found(northInvestigator.get(aroundTheStrip(3000)))).containsExactly(inBoth, northOnly);
        assertThat(found(southSupervisor.get(aroundTheStrip(3000)))).containsExactly(inBoth, southOnly);
    }

    @Test
    void theNearestAreTheNearestInsideTheJurisdictionNotTheNearestOfAll() {
        ApiClient northInvestigator = anonymous.as(TestIssuer.shared().staff("INVESTIGATOR", north));

        // From the south-only camera's own place, the nearest camera north may see is the one in both.
        assertThat(found(northInvestigator.get("/api/search/nearest?lat=39.995&lon=" + lon + "&limit=1")))
                .containsExactly(inBoth);
        assertThat(found(northInvestigator.get("/api/search/nearest?lat=39.995&lon=" + lon + "&limit=10")))
                .containsExactly(inBoth, northOnly);
    }

    @Test
    void searchingAnotherDepartmentsAreaAnswersAnEmptyListNotAnError() {
        ApiClient northInvestigator = anonymous.as(TestIssuer.shared().staff("INVESTIGATOR", north));

        ApiClient.Response southArea = northInvestigator.get("/api/search/within?lat=39.995&lon=" + lon + "&radiusMeters=300");

        assertThat(found(southArea)).isEmpty();
        assertThat(found(anonymous.as(TestIssuer.shared().staff("INVESTIGATOR", south))
                .get("/api/search/within?lat=39.995&lon=" + lon + "&radiusMeters=300"))).containsExactly(southOnly);
    }

    @Test
    void aNewJurisdictionAppliesToTheNextSearch() {
        ApiClient northInvestigator = anonymous.as(TestIssuer.shared().staff("INVESTIGATOR", north));

        GivenJurisdiction.of(baseUrl(), north, box(40.010, 40.020));

        assertThat(found(northInvestigator.get(aroundTheStrip(3000)))).containsExactly(northOnly);
    }

    @Test
    void aJurisdictionSetThroughAnotherInstanceIsUsedOnceThisOneRefreshesIt() {
        ApiClient northInvestigator = anonymous.as(TestIssuer.shared().staff("INVESTIGATOR", north));
        assertThat(found(northInvestigator.get(aroundTheStrip(3000)))).containsExactly(inBoth, northOnly);

        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(TestInfrastructure.INFRASTRUCTURE.mongoUri()))
                .uuidRepresentation(UuidRepresentation.STANDARD).build())) {
            JurisdictionShape wholeStrip = JurisdictionShape.of(geoJson(box(39.990, 40.020)), 10_000);
            new JurisdictionStore(client.getDatabase("geo-search"))
                    .save(new Jurisdiction(north, wholeStrip, Instant.now()), "another-instance");
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> found(northInvestigator.get(aroundTheStrip(3000))).size() == 3);
        assertThat(found(northInvestigator.get(aroundTheStrip(3000)))).containsExactly(inBoth, northOnly, southOnly);
    }

    @Test
    void aDepartmentsStaffReadItsJurisdictionAsItsAdminSetIt() {
        ApiClient.Response read = anonymous.as(TestIssuer.shared().staff("INVESTIGATOR", north))
                .get("/api/departments/" + north + "/jurisdiction");

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().path("departmentId").asString()).isEqualTo(north);
        assertThat(read.json().path("vertices").asInt()).isEqualTo(4);
        assertThat(read.json().path("geometry").path("type").asString()).isEqualTo("Polygon");
        assertThat(read.json().path("geometry").path("coordinates").path(0).path(2).path(1).asDouble()).isEqualTo(40.020);
    }

    @Test
    void onlyTheDepartmentsOwnAdminSetsItsJurisdictionAndOnlyItsOwnStaffReadIt() {
        String path = "/api/departments/" + north + "/jurisdiction";
        String elsewhere = box(10.0, 11.0);

        assertThat(anonymous.put(path, elsewhere).status()).isEqualTo(401);
        assertThat(anonymous.get(path).status()).isEqualTo(401);
        for (TestIssuer.Token refused : List.of(TestIssuer.shared().staff("DEPT_ADMIN", south),
                TestIssuer.shared().staff("INVESTIGATOR", north), TestIssuer.shared().staff("SUPERVISOR", north),
                TestIssuer.shared().owner(), TestIssuer.shared().token("dallas-dispatch", "DEPT_ADMIN").ofDepartment(north))) {
            ApiClient.Response put = anonymous.as(refused).put(path, elsewhere);
            assertThat(put.status()).as(put.body()).isEqualTo(403);
            assertThat(put.header("Content-Type")).contains("application/problem+json");
        }
        assertThat(anonymous.as(TestIssuer.shared().staff("INVESTIGATOR", south)).get(path).status()).isEqualTo(403);
        assertThat(anonymous.as(TestIssuer.shared().owner()).get(path).status()).isEqualTo(403);

        assertThat(found(anonymous.as(TestIssuer.shared().staff("INVESTIGATOR", north)).get(aroundTheStrip(3000))))
                .as("the jurisdiction is unchanged").containsExactly(inBoth, northOnly);
    }

    @Test
    void anInvalidJurisdictionIs400NamingItsFaultAndTheOneBeforeStays() {
        ApiClient admin = anonymous.as(TestIssuer.shared().staff("DEPT_ADMIN", north));
        String path = "/api/departments/" + north + "/jurisdiction";
        Map<String, String> faults = Map.of(
                "self-intersection", ring("[-105.02, 40.0], [-105.0, 40.02], [-105.0, 40.0], [-105.02, 40.02], [-105.02, 40.0]"),
                "unclosed-ring", ring("[-105.02, 40.0], [-105.0, 40.0], [-105.0, 40.02], [-105.02, 40.02]"),
                "too-many-vertices", circleOf(10_001),
                "unsupported-type", "{\"type\": \"Point\", \"coordinates\": [-105.01, 40.0]}",
                "position-out-of-range", ring("[40.0, -105.02], [40.0, -105.0], [40.02, -105.0], [40.0, -105.02]"));

        faults.forEach((fault, geoJson) -> {
            ApiClient.Response refused = admin.put(path, geoJson);
            assertThat(refused.status()).as(fault + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.header("Content-Type")).contains("application/problem+json");
            assertThat(refused.json().path("type").asString()).isEqualTo("https://cameraregistry.org/problems/invalid-jurisdiction");
            assertThat(refused.json().path("fault").asString()).isEqualTo(fault);
            assertThat(refused.body()).doesNotContain("Exception");
        });
        ApiClient.Response notJson = admin.put(path, "{\"type\": \"Polygon\", ");
        assertThat(notJson.status()).isEqualTo(400);

        ApiClient.Response kept = admin.get(path);
        assertThat(kept.json().path("geometry").path("coordinates").path(0).path(2).path(1).asDouble()).isEqualTo(40.020);
        assertThat(found(anonymous.as(TestIssuer.shared().staff("INVESTIGATOR", north)).get(aroundTheStrip(3000))))
                .containsExactly(inBoth, northOnly);
    }

    @Test
    void aJurisdictionOfTenThousandVerticesIsTaken() {
        ApiClient.Response set = anonymous.as(TestIssuer.shared().staff("DEPT_ADMIN", north))
                .put("/api/departments/" + north + "/jurisdiction", circleOf(10_000));

        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().path("vertices").asInt()).isEqualTo(10_000);
    }

    @Test
    void staffOfADepartmentWithoutAJurisdictionAreToldSoAndSeeNothing() {
        String unset = "unset-" + UUID.randomUUID();

        ApiClient.Response search = anonymous.as(TestIssuer.shared().staff("INVESTIGATOR", unset)).get(aroundTheStrip(3000));
        ApiClient.Response noDepartment = anonymous.as(TestIssuer.shared().token(UUID.randomUUID().toString(), "INVESTIGATOR"))
                .get(aroundTheStrip(3000));
        ApiClient.Response read = anonymous.as(TestIssuer.shared().staff("DEPT_ADMIN", unset))
                .get("/api/departments/" + unset + "/jurisdiction");

        assertThat(search.status()).isEqualTo(403);
        assertThat(search.json().path("type").asString()).isEqualTo("https://cameraregistry.org/problems/no-jurisdiction");
        assertThat(search.json().path("detail").asString()).contains("PUT /api/departments/" + unset + "/jurisdiction");
        assertThat(noDepartment.status()).isEqualTo(403);
        assertThat(noDepartment.json().path("type").asString()).isEqualTo("https://cameraregistry.org/problems/no-jurisdiction");
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.json().path("type").asString()).isEqualTo("https://cameraregistry.org/problems/jurisdiction-not-set");
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    private String aroundTheStrip(int radiusMeters) {
        return "/api/search/within?lat=40.005&lon=" + lon + "&radiusMeters=" + radiusMeters;
    }

    private String box(double south, double north) {
        return ring(String.format(Locale.ROOT, "[%s, %s], [%s, %s], [%s, %s], [%s, %s], [%s, %s]",
                west, south, east, south, east, north, west, north, west, south));
    }

    private String ring(String positions) {
        return "{\"type\": \"Polygon\", \"coordinates\": [[" + positions + "]]}";
    }

    private String circleOf(int vertices) {
        List<String> positions = new ArrayList<>();
        for (int i = 0; i < vertices; i++) {
            double angle = 2 * Math.PI * i / vertices;
            positions.add(String.format(Locale.ROOT, "[%.9f, %.9f]", lon + 0.05 * Math.cos(angle), 40.0 + 0.05 * Math.sin(angle)));
        }
        positions.add(positions.getFirst());
        return ring(String.join(", ", positions));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> geoJson(String json) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readValue(json, Map.class);
    }

    /** The ids a search found, nearest first; a failed search fails the test rather than reading as "nothing found". */
    private static List<UUID> found(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode cameras = response.json().path("cameras");
        return cameras.values().stream().map(hit -> UUID.fromString(hit.path("id").asString())).toList();
    }
}
