package org.cameraregistry.registry.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import org.cameraregistry.registry.RegistryIntegrationTest;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.testkit.ApiContract;
import org.cameraregistry.testkit.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A Level 2 camera's owner gets a one-time code; a device, without an account, pairs with it once. */
class PairingIT extends RegistryIntegrationTest {

    private static final String LEVEL_2 = "{\"label\":\"Loading dock\",\"latitude\":32.78,\"longitude\":-96.8,\"level\":\"LEVEL_2\"}";

    @LocalServerPort
    private int port;

    private ApiClient owner;
    private ApiClient device;

    @BeforeEach
    void connect() {
        ApiClient api = new ApiClient("http://localhost:" + port).heldTo(ApiContract.of("http://localhost:" + port + "/v3/api-docs"));
        owner = api.as(TestIssuer.shared().owner());
        device = api.anonymous();
    }

    @Test
    void aDevicePairsOnceWithTheCodeItsOwnerWasShown() {
        String camera = owner.post("/api/cameras", LEVEL_2).json().path("id").asString();

        ApiClient.Response issued = owner.post("/api/cameras/" + camera + "/pairing-code", "");

        assertThat(issued.status()).isEqualTo(201);
        String code = issued.json().path("code").asString();
        assertThat(issued.json().path("expiresAt").asString()).isNotBlank();
        ApiClient.Response paired = device.post("/api/device-pairings", "{\"code\":\"" + code + "\"}");
        assertThat(paired.status()).as(paired.body()).isEqualTo(200);
        assertThat(paired.json().path("cameraId").asString()).isEqualTo(camera);
        assertThat(paired.json().path("label").asString()).isEqualTo("Loading dock");

        ApiClient.Response again = device.post("/api/device-pairings", "{\"code\":\"" + code + "\"}");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().path("type").asString()).endsWith("/pairing-code-unknown");
    }

    @Test
    void onlyALevel2CamerasOwnerGetsACode() {
        String level1 = owner.post("/api/cameras", LEVEL_2.replace("LEVEL_2", "LEVEL_1")).json().path("id").asString();
        String level2 = owner.post("/api/cameras", LEVEL_2).json().path("id").asString();

        ApiClient.Response notLevel2 = owner.post("/api/cameras/" + level1 + "/pairing-code", "");
        ApiClient.Response anotherOwners = owner.as(TestIssuer.shared().owner()).post("/api/cameras/" + level2 + "/pairing-code", "");
        ApiClient.Response anonymous = device.post("/api/cameras/" + level2 + "/pairing-code", "");

        assertThat(notLevel2.status()).isEqualTo(409);
        assertThat(notLevel2.json().path("type").asString()).endsWith("/not-level-2");
        assertThat(anotherOwners.status()).isEqualTo(404);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void aCodeWhoseCameraWasDeletedDoesNotPair() {
        String camera = owner.post("/api/cameras", LEVEL_2).json().path("id").asString();
        String code = owner.post("/api/cameras/" + camera + "/pairing-code", "").json().path("code").asString();
        assertThat(owner.delete("/api/cameras/" + camera).status()).isEqualTo(204);

        assertThat(device.post("/api/device-pairings", "{\"code\":\"" + code + "\"}").status()).isEqualTo(404);
        assertThat(device.post("/api/device-pairings", "{\"code\":\"\"}").status()).isEqualTo(400);
    }
}
