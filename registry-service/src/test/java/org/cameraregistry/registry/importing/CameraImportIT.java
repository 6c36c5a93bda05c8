package org.cameraregistry.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.cameraregistry.events.EventCodec;
import org.cameraregistry.events.Topics;
import org.cameraregistry.events.camera.CameraRegistered;
import org.cameraregistry.registry.RegistryIntegrationTest;
import org.cameraregistry.registry.TestInfrastructure;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.testkit.ApiContract;
import org.cameraregistry.testkit.KafkaProbe;
import org.cameraregistry.testkit.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Importing an owner's cameras from a CSV file through the API, on a real broker and the wire server. */
class CameraImportIT extends RegistryIntegrationTest {

    private static final String FILE = """
            reference,label,latitude,longitude,level,views,retention_days
            door-1,Front door,32.7767,-96.797,1,entrance,30
            dock-1,"Loading dock, east",32.7801,-96.8012,2,parking;street,
            gate-1,Side gate,32.7811,-96.8022,1,,
            bad-1,Broken row,north,-96.8,3,,
            """;

    @LocalServerPort
    private int port;

    private ApiClient owner;
    private KafkaProbe kafka;

    @BeforeEach
    void connect() {
        owner = new ApiClient("http://localhost:" + port)
                .heldTo(ApiContract.of("http://localhost:" + port + "/v3/api-docs"))
                .as(TestIssuer.shared().owner());
        kafka = new KafkaProbe(TestInfrastructure.INFRASTRUCTURE.kafkaBrokers(), Topics.CAMERA_REGISTERED);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void aFileRegistersItsCamerasAndReportsEachRowNotImportedByColumn() {
        ApiClient.Response started = owner.postAs("text/csv", "/api/cameras/imports", FILE);

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().path("total").asInt()).isEqualTo(4);
        assertThat(started.json().has("ownerId")).isFalse();
        JsonNode report = awaitDone(started.header("Location").orElseThrow());

        assertThat(report.path("processed").asInt()).isEqualTo(4);
        assertThat(report.path("registered").asInt()).isEqualTo(3);
        assertThat(report.path("failed").asInt()).isEqualTo(1);
        assertThat(report.path("faults").values()).extracting(fault -> fault.path("row").asInt() + " " + fault.path("column").asString())
                .containsExactlyInAnyOrder("5 latitude", "5 level");
        JsonNode cameras = owner.get("/api/cameras").json();
        assertThat(cameras.path("totalCameras").asLong()).isEqualTo(3);
        assertThat(cameras.path("cameras").values()).extracting(camera -> camera.path("label").asString())
                .containsExactlyInAnyOrder("Front door", "Loading dock, east", "Side gate");
        String dock = cameras.path("cameras").values().stream().filter(camera -> camera.path("label").asString().startsWith("Loading"))
                .findFirst().orElseThrow().path("id").asString();
        CameraRegistered registered = new EventCodec().read(kafka.await(Topics.CAMERA_REGISTERED, dock, 1).getFirst().value(),
                CameraRegistered.TYPE).data();
        assertThat(registered.importId()).as("the import named, so its owner is not emailed per camera")
                .hasToString(report.path("id").asString());
    }

    @Test
    void theSameFileAgainRegistersNothingMoreAndAChangedRowChangesItsCamera() {
        awaitDone(owner.postAs("text/csv", "/api/cameras/imports", FILE).header("Location").orElseThrow());

        JsonNode again = awaitDone(owner.postAs("text/csv", "/api/cameras/imports", FILE).header("Location").orElseThrow());
        JsonNode fixed = awaitDone(owner.postAs("text/csv", "/api/cameras/imports",
                FILE.replace("Side gate", "\"Side gate, west\"").replace("bad-1,Broken row,north,-96.8,3", "bad-1,Mended row,32.79,-96.8,1"))
                .header("Location").orElseThrow());

        assertThat(again.path("registered").asInt()).isZero();
        assertThat(again.path("unchanged").asInt()).isEqualTo(3);
        assertThat(fixed.path("registered").asInt()).as("the mended row, in %s", fixed).isEqualTo(1);
        assertThat(fixed.path("changed").asInt()).isEqualTo(1);
        assertThat(fixed.path("unchanged").asInt()).isEqualTo(2);
        assertThat(fixed.path("failed").asInt()).isZero();
        JsonNode cameras = owner.get("/api/cameras").json();
        assertThat(cameras.path("totalCameras").asLong()).isEqualTo(4);
        assertThat(cameras.path("cameras").values()).extracting(camera -> camera.path("label").asString())
                .contains("Side gate, west", "Mended row").doesNotContain("Side gate");
    }

    @Test
    void aReferenceUsedTwiceInOneFileIsAFaultOfItsSecondRow() {
        JsonNode report = awaitDone(owner.postAs("text/csv", "/api/cameras/imports", """
                reference,label,latitude,longitude,level
                cam-1,Porch,32.7,-96.8,1
                cam-1,Garage,32.71,-96.81,1
                """).header("Location").orElseThrow());

        assertThat(report.path("registered").asInt()).isEqualTo(1);
        assertThat(report.path("faults").values()).extracting(fault -> fault.path("row").asInt() + " " + fault.path("column").asString())
                .containsExactly("3 reference");
    }

    @Test
    void aFileThatCannotBeReadIsRefusedWholeAndNothingIsImported() {
        ApiClient.Response refused = owner.postAs("text/csv", "/api/cameras/imports", "name,lat,lon\nPorch,32.7,-96.8\n");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("type").asString()).endsWith("/invalid-import-file");
        assertThat(refused.json().path("detail").asString()).contains("misses the column(s) reference");
        assertThat(owner.get("/api/cameras").json().path("totalCameras").asLong()).isZero();
    }

    @Test
    void anotherOwnersImportIsNotFoundAndNeitherIsAnUnknownOne() {
        String location = owner.postAs("text/csv", "/api/cameras/imports", FILE).header("Location").orElseThrow();
        ApiClient another = owner.as(TestIssuer.shared().owner());

        assertThat(another.get(path(location)).status()).isEqualTo(404);
        assertThat(owner.get("/api/cameras/imports/7d1c9d1e-5b37-4c26-9d0a-3a0f8d1e2b44").json().path("type").asString())
                .endsWith("/import-not-found");
        assertThat(owner.get(path(location)).status()).isEqualTo(200);
    }

    @Test
    void onlyOwnersImport() {
        ApiClient investigator = owner.as(TestIssuer.shared().staff("INVESTIGATOR", "dallas"));

        assertThat(investigator.postAs("text/csv", "/api/cameras/imports", FILE).status()).isEqualTo(403);
    }

    private JsonNode awaitDone(String location) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> owner.get(path(location)).json(),
                report -> List.of("DONE", "INTERRUPTED").contains(report.path("state").asString()));
    }

    private static String path(String location) {
        return location.replaceAll("^https?://[^/]+", "");
    }
}
