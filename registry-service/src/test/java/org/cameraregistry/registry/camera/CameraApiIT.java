package org.cameraregistry.registry.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cameraregistry.registry.camera.CameraJson.aCamera;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cameraregistry.events.EventCodec;
import org.cameraregistry.events.EventEnvelope;
import org.cameraregistry.events.Topics;
import org.cameraregistry.events.camera.CameraDeregistered;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraRegistered;
import org.cameraregistry.events.camera.CameraPaused;
import org.cameraregistry.events.camera.CameraResumed;
import org.cameraregistry.events.camera.CameraUpdated;
import org.cameraregistry.events.camera.CameraView;
import org.cameraregistry.outbox.Outbox;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.testkit.ApiContract;
import org.cameraregistry.testkit.KafkaProbe;
import org.cameraregistry.testkit.TestIssuer;
import org.cameraregistry.registry.RegistryIntegrationTest;
import org.cameraregistry.registry.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

class CameraApiIT extends RegistryIntegrationTest {

    private static final EventCodec CODEC = new EventCodec();

    @LocalServerPort
    private int port;

    @Autowired
    private MongoDatabase registryDatabase;

    private ApiClient api;
    private KafkaProbe kafka;

    @BeforeEach
    void connect() {
        // Every exchange of these tests is also checked against the service's own OpenAPI document.
        api = new ApiClient("http://localhost:" + port)
                .heldTo(ApiContract.of("http://localhost:" + port + "/v3/api-docs"))
                .as(TestIssuer.shared().owner());
        kafka = new KafkaProbe(TestInfrastructure.INFRASTRUCTURE.kafkaBrokers(), Topics.CAMERA_REGISTERED,
                Topics.CAMERA_UPDATED, Topics.CAMERA_PAUSED, Topics.CAMERA_RESUMED, Topics.CAMERA_DEREGISTERED);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void registeringAnswers201WithLocationETagAndTheCamera() {
        ApiClient.Response created = api.post("/api/cameras",
                aCamera().atLevel2().labelled("Loading dock").facing(180, 90).viewing("PARKING", "STREET")
                        .with("sharesPastFootage", true).json());

        assertThat(created.status()).isEqualTo(201);
        JsonNode camera = created.json();
        String id = camera.path("id").asString();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(created.header("Location")).contains("/api/cameras/" + id);
        assertThat(created.header("ETag")).contains("\"1\"");
        assertThat(camera.path("version").asLong()).isEqualTo(1);
        assertThat(camera.path("label").asString()).isEqualTo("Loading dock");
        assertThat(camera.path("level").asString()).isEqualTo("LEVEL_2");
        assertThat(camera.path("facingDegrees").asInt()).isEqualTo(180);
        assertThat(camera.path("views").values()).extracting(JsonNode::asString).containsExactlyInAnyOrder("PARKING", "STREET");
        assertThat(camera.path("sharesPastFootage").asBoolean()).isTrue();
        assertThat(camera.path("recordsAudio").isBoolean()).isTrue();

        ApiClient.Response read = api.get("/api/cameras/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(camera);
    }

    @Test
    void registeringPublishesCameraRegisteredKeyedByTheCameraAndValidAgainstItsSchema() {
        String id = register(aCamera().atLevel2().at(32.7845, -96.7834).viewing("ENTRANCE"));

        ConsumerRecord<String, byte[]> record = kafka.await(Topics.CAMERA_REGISTERED, id, 1).getFirst();

        EventEnvelope<CameraRegistered> event = CODEC.read(record.value(), CameraRegistered.TYPE);
        assertThat(event.subject()).isEqualTo(id);
        assertThat(event.source()).isEqualTo("/registry-service");
        assertThat(event.data().cameraId()).isEqualTo(UUID.fromString(id));
        assertThat(event.data().version()).isEqualTo(1);
        assertThat(event.data().camera().level()).isEqualTo(CameraLevel.LEVEL_2);
        assertThat(event.data().camera().latitude()).isEqualTo(32.7845);
        assertThat(event.data().camera().views()).containsExactly(CameraView.ENTRANCE);
    }

    @Test
    void updatingChangesTheCameraAndPublishesItsWholeNewStateWithTheNextVersion() {
        String id = register(aCamera());

        ApiClient.Response updated = api.put("/api/cameras/" + id,
                aCamera().labelled("Moved to the back").at(32.7770, -96.7980).atLevel2().json());

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("version").asLong()).isEqualTo(2);
        assertThat(updated.header("ETag")).contains("\"2\"");
        assertThat(api.get("/api/cameras/" + id).json().path("latitude").asDouble()).isEqualTo(32.7770);

        EventEnvelope<CameraUpdated> event = CODEC.read(
                kafka.await(Topics.CAMERA_UPDATED, id, 1).getFirst().value(), CameraUpdated.TYPE);
        assertThat(event.data().version()).isEqualTo(2);
        assertThat(event.data().camera().label()).isEqualTo("Moved to the back");
        assertThat(event.data().camera().longitude()).isEqualTo(-96.7980);
    }

    @Test
    void aChangeBasedOnAStaleVersionIsRefusedWith412AndChangesNothing() {
        String id = register(aCamera());
        api.put("/api/cameras/" + id, aCamera().labelled("Second").json(), "If-Match", "\"1\"");

        ApiClient.Response stale = api.put("/api/cameras/" + id, aCamera().labelled("Third").json(), "If-Match", "\"1\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().path("type").asString()).endsWith("/problems/version-mismatch");
        assertThat(api.get("/api/cameras/" + id).json().path("label").asString()).isEqualTo("Second");
    }

    @Test
    void sendingTheSameDetailsAgainChangesNothingAndPublishesNothing() {
        String id = register(aCamera().labelled("Porch"));

        ApiClient.Response same = api.put("/api/cameras/" + id, aCamera().labelled("Porch").json());

        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().path("version").asLong()).isEqualTo(1);
        kafka.await(Topics.CAMERA_REGISTERED, id, 1);
        assertThat(kafka.recordsUpToNow(Topics.CAMERA_UPDATED, id)).isEmpty();
    }

    @Test
    void pausingPublishesCameraPausedOnceAndAChangeWhilePausedSaysItIsPaused() {
        String id = register(aCamera().labelled("Porch"));

        ApiClient.Response paused = api.post("/api/cameras/" + id + "/pause", "");
        ApiClient.Response again = api.post("/api/cameras/" + id + "/pause", "");

        assertThat(paused.status()).isEqualTo(200);
        assertThat(paused.json().path("paused").asBoolean()).isTrue();
        assertThat(paused.json().path("version").asLong()).isEqualTo(2);
        assertThat(paused.header("ETag")).contains("\"2\"");
        assertThat(again.json().path("version").asLong()).as("pausing a paused camera").isEqualTo(2);
        EventEnvelope<CameraPaused> event = CODEC.read(
                kafka.await(Topics.CAMERA_PAUSED, id, 1).getFirst().value(), CameraPaused.TYPE);
        assertThat(event.data().version()).isEqualTo(2);
        assertThat(kafka.recordsUpToNow(Topics.CAMERA_PAUSED, id)).hasSize(1);

        ApiClient.Response changed = api.put("/api/cameras/" + id, aCamera().labelled("Porch, moved").json());

        assertThat(changed.json().path("paused").asBoolean()).as("still paused after a change").isTrue();
        EventEnvelope<CameraUpdated> update = CODEC.read(
                kafka.await(Topics.CAMERA_UPDATED, id, 1).getFirst().value(), CameraUpdated.TYPE);
        assertThat(update.data().paused()).isTrue();
        assertThat(update.data().version()).isEqualTo(3);
    }

    @Test
    void resumingPublishesTheWholeStateAndResumingACameraNotPausedChangesNothing() {
        String id = register(aCamera().labelled("Loading dock").atLevel2());
        assertThat(api.post("/api/cameras/" + id + "/resume", "").json().path("version").asLong())
                .as("resuming a camera that is not paused").isEqualTo(1);
        api.post("/api/cameras/" + id + "/pause", "");

        ApiClient.Response resumed = api.post("/api/cameras/" + id + "/resume", "", "If-Match", "\"2\"");

        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.json().path("paused").asBoolean()).isFalse();
        EventEnvelope<CameraResumed> event = CODEC.read(
                kafka.await(Topics.CAMERA_RESUMED, id, 1).getFirst().value(), CameraResumed.TYPE);
        assertThat(event.data().version()).isEqualTo(3);
        assertThat(event.data().camera().label()).isEqualTo("Loading dock");
        assertThat(api.get("/api/cameras/" + id).json().path("paused").asBoolean()).isFalse();
        assertThat(api.post("/api/cameras/" + id + "/pause", "", "If-Match", "\"2\"").status())
                .as("pausing a version no longer current").isEqualTo(412);
    }

    @Test
    void anotherOwnersCameraCannotBePaused() {
        String id = register(aCamera());

        assertThat(api.as(TestIssuer.shared().owner()).post("/api/cameras/" + id + "/pause", "")
                .status()).isEqualTo(404);
        assertThat(api.get("/api/cameras/" + id).json().path("paused").asBoolean()).isFalse();
    }

    @Test
    void deletingAnswers204ForgetsEverythingAndPublishesCameraDeregistered() {
        String id = register(aCamera().labelled("Side gate"));

        assertThat(api.delete("/api/cameras/" + id).status()).isEqualTo(204);

        assertThat(api.get("/api/cameras/" + id).status()).isEqualTo(404);
        EventEnvelope<CameraDeregistered> event = CODEC.read(
                kafka.await(Topics.CAMERA_DEREGISTERED, id, 1).getFirst().value(), CameraDeregistered.TYPE);
        assertThat(event.data().version()).isEqualTo(2);
        // Once relayed, not even the id is left in the registry's database.
        await().atMost(Duration.ofSeconds(10)).until(
                () -> registryDatabase.getCollection("cameras").find(Filters.eq("_id", UUID.fromString(id))).first() == null);
        assertThat(api.delete("/api/cameras/" + id).status()).isEqualTo(404);
    }

    @Test
    void aRepeatedRegistrationWithTheSameIdempotencyKeyAnswersTheSameAndRegistersOneCamera() {
        String key = UUID.randomUUID().toString();
        String camera = aCamera().labelled("Retried porch").json();
        long before = storedCameras();

        ApiClient.Response first = api.post("/api/cameras", camera, "Idempotency-Key", key);
        ApiClient.Response repeat = api.post("/api/cameras", camera, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.header("Idempotent-Replayed")).contains("true");
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
        assertThat(repeat.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(repeat.json()).isEqualTo(first.json());
        assertThat(storedCameras()).isEqualTo(before + 1);
        String id = first.json().path("id").asString();
        kafka.await(Topics.CAMERA_REGISTERED, id, 1);
        assertThat(kafka.recordsUpToNow(Topics.CAMERA_REGISTERED, id)).hasSize(1);
    }

    @Test
    void concurrentRepeatsOfOneRegistrationRegisterOneCamera() throws Exception {
        String key = UUID.randomUUID().toString();
        String camera = aCamera().labelled("Impatient client").json();
        long before = storedCameras();

        List<ApiClient.Response> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
            List<Future<ApiClient.Response>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(clients.submit(() -> api.post("/api/cameras", camera, "Idempotency-Key", key)));
            }
            for (Future<ApiClient.Response> answer : sent) {
                answers.add(answer.get());
            }
        }

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(201));
        assertThat(answers).extracting(answer -> answer.json().path("id").asString()).containsOnly(
                answers.getFirst().json().path("id").asString());
        assertThat(storedCameras()).isEqualTo(before + 1);
    }

    @Test
    void aRepeatAfterTheCameraWasDeletedAnswersAsTheFirstTimeAndBringsNothingBack() {
        String key = UUID.randomUUID().toString();
        String camera = aCamera().labelled("Short-lived").json();
        ApiClient.Response first = api.post("/api/cameras", camera, "Idempotency-Key", key);
        String id = first.json().path("id").asString();
        assertThat(api.delete("/api/cameras/" + id).status()).isEqualTo(204);

        ApiClient.Response repeat = api.post("/api/cameras", camera, "Idempotency-Key", key);

        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.json()).isEqualTo(first.json());
        assertThat(api.get("/api/cameras/" + id).status()).isEqualTo(404);
    }

    @Test
    void anIdempotencyKeySentAgainWithAnotherCameraIs422AndRegistersNothing() {
        String key = UUID.randomUUID().toString();
        api.post("/api/cameras", aCamera().labelled("First").json(), "Idempotency-Key", key);
        long before = storedCameras();

        ApiClient.Response reused = api.post("/api/cameras", aCamera().labelled("Second").json(), "Idempotency-Key", key);

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().path("type").asString()).isEqualTo(
                "https://cameraregistry.org/problems/idempotency-key-reused");
        assertThat(storedCameras()).isEqualTo(before);
    }

    @Test
    void anIdempotencyKeyThatBreaksTheRulesIs400NamingTheHeader() {
        ApiClient.Response refused = api.post("/api/cameras", aCamera().json(), "Idempotency-Key", "x".repeat(256));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fieldsAtFault(refused)).containsExactly("Idempotency-Key");
    }

    @Test
    void anUnknownCameraIs404ProblemDetails() {
        ApiClient.Response missing = api.get("/api/cameras/" + UUID.randomUUID());

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).contains("application/problem+json");
        assertThat(missing.json().path("type").asString()).isEqualTo("https://cameraregistry.org/problems/camera-not-found");
        assertThat(api.put("/api/cameras/" + UUID.randomUUID(), aCamera().json()).status()).isEqualTo(404);
    }

    @Test
    void aMalformedCameraIdIs400NamingTheId() {
        ApiClient.Response bad = api.get("/api/cameras/not-a-uuid");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(fieldsAtFault(bad)).containsExactly("id");
    }

    static Stream<Arguments> invalidCameras() {
        return Stream.of(
                Arguments.of("latitude above 90", aCamera().at(90.5, -96.8).json(), "latitude"),
                Arguments.of("longitude below -180", aCamera().at(32.7, -180.01).json(), "longitude"),
                Arguments.of("no label", aCamera().without("label").json(), "label"),
                Arguments.of("blank label", aCamera().labelled("   ").json(), "label"),
                Arguments.of("unknown level", aCamera().with("level", "LEVEL_3").json(), "level"),
                Arguments.of("latitude not a number", aCamera().with("latitude", "north").json(), "latitude"),
                Arguments.of("latitude as a string", aCamera().with("latitude", "32.7").json(), "latitude"),
                Arguments.of("a fraction of a degree to face", aCamera().with("facingDegrees", 90.5).json(), "facingDegrees"),
                Arguments.of("audio as a string", aCamera().with("recordsAudio", "true").json(), "recordsAudio"),
                Arguments.of("unknown view", aCamera().viewing("BEDROOM").json(), "views[0]"),
                Arguments.of("facing out of range", aCamera().facing(360, 90).json(), "facingDegrees"),
                Arguments.of("misspelt field", aCamera().with("lattitude", 32.7).json(), "lattitude"),
                Arguments.of("a 1 MB label", aCamera().labelled("x".repeat(1024 * 1024)).json(), "label"),
                Arguments.of("no level", aCamera().without("level").json(), "level"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCameras")
    void invalidInputIs400ProblemDetailsNamingTheFieldAndStoresNothing(String name, String body, String field) {
        long before = storedCameras();

        ApiClient.Response refused = api.post("/api/cameras", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).contains("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.path("type").asString()).isEqualTo("https://cameraregistry.org/problems/invalid-request");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("detail").asString()).contains(field);
        assertThat(fieldsAtFault(refused)).containsExactly(field);
        assertThat(refused.body()).doesNotContain("Exception", "at org.");
        assertThat(storedCameras()).isEqualTo(before);
    }

    @Test
    void malformedJsonIs400ProblemDetails() {
        ApiClient.Response refused = api.post("/api/cameras", "{\"label\": \"Porch\", \"latitude\": 32.7,");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("type").asString()).isEqualTo("https://cameraregistry.org/problems/malformed-json");
        assertThat(refused.json().path("detail").asString()).startsWith("The body is not valid JSON at line 1, column ");
        assertThat(refused.body()).doesNotContain("tools.jackson");
    }

    @Test
    void anEmptyBodyIs400ProblemDetails() {
        ApiClient.Response refused = api.post("/api/cameras", "");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("type").asString()).isEqualTo("https://cameraregistry.org/problems/malformed-json");
    }

    @Test
    void aBodyThatIsNotJsonIs415ProblemDetails() {
        ApiClient.Response refused = api.postAs("text/plain", "/api/cameras", "label=Porch");

        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.header("Content-Type")).contains("application/problem+json");
        assertThat(refused.json().path("type").asString()).isEqualTo("https://cameraregistry.org/problems/http-415");
    }

    private String register(CameraJson camera) {
        ApiClient.Response created = api.post("/api/cameras", camera.json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    /**
     * The cameras stored, not counting deleted ones whose tombstone waits for its last event to be
     * relayed: an earlier test's tombstone may be removed while this one counts.
     */
    private long storedCameras() {
        return registryDatabase.getCollection("cameras").countDocuments(Filters.ne(Outbox.REMOVE_AFTER_RELAY, true));
    }

    private static List<String> fieldsAtFault(ApiClient.Response response) {
        return response.json().path("errors").values().stream()
                .map(error -> error.path("field").asString())
                .toList();
    }
}
