package org.cameraregistry.registry.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cameraregistry.registry.camera.CameraJson.aCamera;

import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;
import org.cameraregistry.events.EventCodec;
import org.cameraregistry.events.Topics;
import org.cameraregistry.events.camera.CameraDeregistered;
import org.cameraregistry.events.camera.CameraRegistered;
import org.cameraregistry.events.camera.CameraUpdated;
import org.cameraregistry.registry.RegistryIntegrationTest;
import org.cameraregistry.registry.TestInfrastructure;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.testkit.ApiContract;
import org.cameraregistry.testkit.KafkaProbe;
import org.cameraregistry.testkit.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A camera is its owner's alone, and the registry takes only owners' tokens it can check. */
class CameraOwnershipIT extends RegistryIntegrationTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final TestIssuer ISSUER = TestIssuer.shared();

    @LocalServerPort
    private int port;

    private ApiClient anonymous;
    private TestIssuer.Token owner;
    private ApiClient ownerApi;
    private ApiClient otherOwnerApi;

    @BeforeEach
    void connect() {
        anonymous = new ApiClient("http://localhost:" + port)
                .heldTo(ApiContract.of("http://localhost:" + port + "/v3/api-docs"));
        owner = ISSUER.owner();
        ownerApi = anonymous.as(owner);
        otherOwnerApi = anonymous.as(ISSUER.owner());
    }

    @Test
    void anotherOwnersCameraIs404ToReadChangeAndDeleteAndStaysAsItWas() {
        String id = register(ownerApi, "Front door");

        for (ApiClient.Response refused : new ApiClient.Response[] {
                otherOwnerApi.get("/api/cameras/" + id),
                otherOwnerApi.put("/api/cameras/" + id, aCamera().labelled("Taken over").json()),
                otherOwnerApi.put("/api/cameras/" + id, aCamera().labelled("Taken over").json(), "If-Match", "\"1\""),
                otherOwnerApi.delete("/api/cameras/" + id)}) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(404);
            assertThat(refused.json().path("type").asString()).endsWith("/problems/camera-not-found");
        }

        ApiClient.Response mine = ownerApi.get("/api/cameras/" + id);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().path("label").asString()).isEqualTo("Front door");
        assertThat(mine.json().path("version").asLong()).isEqualTo(1);
    }

    @Test
    void theListShowsTheCallersCamerasOnlyOldestFirstAPageAtATime() {
        String first = register(ownerApi, "First");
        String second = register(ownerApi, "Second");
        String third = register(ownerApi, "Third");
        register(otherOwnerApi, "Someone else's");

        JsonNode page0 = ownerApi.get("/api/cameras?page=0&size=2").json();
        JsonNode page1 = ownerApi.get("/api/cameras?page=1&size=2").json();

        assertThat(page0.path("cameras").values()).extracting(camera -> camera.path("id").asString())
                .containsExactly(first, second);
        assertThat(page1.path("cameras").values()).extracting(camera -> camera.path("id").asString())
                .containsExactly(third);
        assertThat(page0.path("totalCameras").asLong()).isEqualTo(3);
        assertThat(page1.path("page").asInt()).isEqualTo(1);
        assertThat(page1.path("size").asInt()).isEqualTo(2);
        JsonNode none = anonymous.as(ISSUER.owner()).get("/api/cameras").json();
        assertThat(none.path("cameras").values()).isEmpty();
        assertThat(none.path("totalCameras").asLong()).isZero();
    }

    @Test
    void aPageSizeOutOfRangeIs400NamingIt() {
        ApiClient.Response refused = ownerApi.get("/api/cameras?size=101");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("type").asString()).endsWith("/problems/invalid-request");
        assertThat(refused.json().path("errors").values()).extracting(error -> error.path("field").asString())
                .containsExactly("size");
    }

    @Test
    void anotherOwnersIdempotencyKeyRegistersACameraOfTheirOwn() {
        String key = UUID.randomUUID().toString();
        String camera = aCamera().labelled("Same key").json();

        ApiClient.Response mine = ownerApi.post("/api/cameras", camera, "Idempotency-Key", key);
        ApiClient.Response theirs = otherOwnerApi.post("/api/cameras", camera, "Idempotency-Key", key);

        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.header("Idempotent-Replayed")).isEmpty();
        assertThat(theirs.json().path("id").asString()).isNotEqualTo(mine.json().path("id").asString());
        assertThat(otherOwnerApi.get("/api/cameras/" + mine.json().path("id").asString()).status()).isEqualTo(404);
    }

    @Test
    void everyEventOfACameraNamesItsOwner() {
        try (KafkaProbe kafka = new KafkaProbe(TestInfrastructure.INFRASTRUCTURE.kafkaBrokers(),
                Topics.CAMERA_REGISTERED, Topics.CAMERA_UPDATED, Topics.CAMERA_DEREGISTERED)) {
            UUID ownerId = UUID.fromString(owner.subject());
            String id = register(ownerApi, "Named");
            assertThat(CODEC.read(kafka.await(Topics.CAMERA_REGISTERED, id, 1).getFirst().value(), CameraRegistered.TYPE)
                    .data().ownerId()).isEqualTo(ownerId);

            // Each change waits for the one before to be published: a deletion drops events still waiting.
            ownerApi.put("/api/cameras/" + id, aCamera().labelled("Renamed").json());
            assertThat(CODEC.read(kafka.await(Topics.CAMERA_UPDATED, id, 1).getFirst().value(), CameraUpdated.TYPE)
                    .data().ownerId()).isEqualTo(ownerId);

            ownerApi.delete("/api/cameras/" + id);
            assertThat(CODEC.read(kafka.await(Topics.CAMERA_DEREGISTERED, id, 1).getFirst().value(),
                    CameraDeregistered.TYPE).data().ownerId()).isEqualTo(ownerId);
        }
    }

    @Test
    void withoutATokenEveryOperationIs401WithAChallengeAndChangesNothing() {
        String id = register(ownerApi, "Guarded");

        for (ApiClient.Response refused : new ApiClient.Response[] {
                anonymous.get("/api/cameras"),
                anonymous.get("/api/cameras/" + id),
                anonymous.post("/api/cameras", aCamera().json()),
                anonymous.put("/api/cameras/" + id, aCamera().labelled("Changed").json()),
                anonymous.delete("/api/cameras/" + id)}) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer"));
            assertThat(refused.header("Content-Type")).contains("application/problem+json");
            assertThat(refused.json().path("type").asString()).endsWith("/problems/unauthenticated");
        }
        assertThat(ownerApi.get("/api/cameras/" + id).json().path("label").asString()).isEqualTo("Guarded");
    }

    static Stream<Arguments> refusedTokens() {
        TestIssuer.Token owner = ISSUER.owner();
        return Stream.of(
                Arguments.of("expired", owner.expired()),
                Arguments.of("for another audience", owner.forAudience("another-api")),
                Arguments.of("signed by a key the issuer does not publish", owner.signedByAnotherKey()));
    }

    @ParameterizedTest(name = "a token {0}")
    @MethodSource("refusedTokens")
    void aTokenThatFailsItsChecksIs401InvalidToken(String name, TestIssuer.Token token) {
        ApiClient.Response refused = anonymous.as(token).get("/api/cameras");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).contains("invalid_token"));
        assertThat(refused.json().path("type").asString()).endsWith("/problems/invalid-token");
    }

    @Test
    void aTamperedTokenIs401() {
        String token = owner.value();
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]));
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims.replace("\"OWNER\"", "\"SUPERVISOR\"").getBytes()) + "." + parts[2];

        ApiClient.Response refused = anonymous.get("/api/cameras", "Authorization", "Bearer " + forged);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("type").asString()).endsWith("/problems/invalid-token");
    }

    static Stream<Arguments> callersWhoAreNotOwners() {
        return Stream.of(
                Arguments.of("an investigator", ISSUER.staff("INVESTIGATOR", "dallas")),
                Arguments.of("a supervisor", ISSUER.staff("SUPERVISOR", "dallas")),
                Arguments.of("a department admin", ISSUER.staff("DEPT_ADMIN", "dallas")),
                Arguments.of("a dispatch system", ISSUER.token("dallas-dispatch").ofDepartment("dallas")),
                Arguments.of("a client that is not an account, claiming OWNER", ISSUER.token("dallas-dispatch", "OWNER")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callersWhoAreNotOwners")
    void aCallerWhoIsNotAnOwnerIs403(String name, TestIssuer.Token token) {
        ApiClient api = anonymous.as(token);
        long before = ownerApi.get("/api/cameras").json().path("totalCameras").asLong();

        for (ApiClient.Response refused : new ApiClient.Response[] {
                api.get("/api/cameras"), api.post("/api/cameras", aCamera().json())}) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().path("type").asString()).endsWith("/problems/forbidden");
        }
        assertThat(ownerApi.get("/api/cameras").json().path("totalCameras").asLong()).isEqualTo(before);
    }

    private static String register(ApiClient api, String label) {
        ApiClient.Response created = api.post("/api/cameras", aCamera().labelled(label).json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }
}
