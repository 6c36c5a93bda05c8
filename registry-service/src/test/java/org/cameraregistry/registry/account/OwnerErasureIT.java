package org.cameraregistry.registry.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cameraregistry.registry.camera.CameraJson.aCamera;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bson.UuidRepresentation;
import org.cameraregistry.events.Topics;
import org.cameraregistry.events.account.AccountErased;
import org.cameraregistry.registry.RegistryIntegrationTest;
import org.cameraregistry.registry.TestInfrastructure;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.testkit.EventPublisher;
import org.cameraregistry.testkit.KafkaProbe;
import org.cameraregistry.testkit.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** account-erased makes the registry forget every camera and idempotency key of the owner, and nothing else. */
class OwnerErasureIT extends RegistryIntegrationTest {

    private static final String IDENTITY = "/identity-service";

    @LocalServerPort
    private int port;

    private MongoClient mongo;
    private MongoDatabase registry;
    private TestIssuer.Token erased;
    private ApiClient erasedOwner;
    private ApiClient keptOwner;

    @BeforeEach
    void connect() {
        mongo = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(TestInfrastructure.INFRASTRUCTURE.mongoUri()))
                .uuidRepresentation(UuidRepresentation.STANDARD).build());
        registry = mongo.getDatabase("registry");
        ApiClient anonymous = new ApiClient("http://localhost:" + port);
        erased = TestIssuer.shared().owner();
        erasedOwner = anonymous.as(erased);
        keptOwner = anonymous.as(TestIssuer.shared().owner());
    }

    @AfterEach
    void disconnect() {
        mongo.close();
    }

    @Test
    void everyCameraOfTheErasedOwnerIsDeletedAndAnnouncedAndItsKeysForgottenAnotherOwnersStay() {
        List<String> cameras = List.of(register(erasedOwner, "Porch", null), register(erasedOwner, "Garage", "garage-key"),
                register(erasedOwner, "Gate", null));
        String kept = register(keptOwner, "Next door", "garage-key");
        UUID ownerId = UUID.fromString(erased.subject());

        try (KafkaProbe kafka = new KafkaProbe(TestInfrastructure.INFRASTRUCTURE.kafkaBrokers(), Topics.CAMERA_DEREGISTERED);
                EventPublisher events = new EventPublisher(TestInfrastructure.INFRASTRUCTURE.kafkaBrokers())) {
            events.publish(AccountErased.TYPE, IDENTITY, ownerId.toString(), new AccountErased(ownerId, EventPublisher.now()));

            cameras.forEach(id -> kafka.await(Topics.CAMERA_DEREGISTERED, id, 1));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(registry.getCollection("cameras").countDocuments(Filters.eq("ownerId", ownerId))).isZero();
                assertThat(registry.getCollection("cameras").countDocuments(Filters.in("_id",
                        cameras.stream().map(UUID::fromString).toList()))).as("no tombstone is left").isZero();
                assertThat(registry.getCollection("idempotency_keys").countDocuments(
                        Filters.regex("_id", "^" + Pattern.quote(ownerId + " ")))).isZero();
            });
        }
        ApiClient.Response listed = erasedOwner.get("/api/cameras");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().path("totalCameras").asLong()).isZero();
        assertThat(keptOwner.get("/api/cameras/" + kept).status()).isEqualTo(200);
        assertThat(registry.getCollection("idempotency_keys").countDocuments()).as("the other owner's key").isPositive();
    }

    @Test
    void theErasedOwnersImportReportsAndPairingCodesGoToo() {
        String level2 = erasedOwner.post("/api/cameras",
                "{\"label\":\"Dock\",\"latitude\":32.78,\"longitude\":-96.8,\"level\":\"LEVEL_2\"}").json().path("id").asString();
        assertThat(erasedOwner.post("/api/cameras/" + level2 + "/pairing-code", "").status()).isEqualTo(201);
        assertThat(erasedOwner.postAs("text/csv", "/api/cameras/imports",
                "reference,label,latitude,longitude,level\nr1,Shed,32.7,-96.8,1\n").status()).isEqualTo(202);
        UUID ownerId = UUID.fromString(erased.subject());
        assertThat(registry.getCollection("pairing_codes").countDocuments(Filters.eq("ownerId", ownerId))).isEqualTo(1);

        try (EventPublisher events = new EventPublisher(TestInfrastructure.INFRASTRUCTURE.kafkaBrokers())) {
            events.publish(AccountErased.TYPE, IDENTITY, ownerId.toString(), new AccountErased(ownerId, EventPublisher.now()));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(registry.getCollection("cameras").countDocuments(Filters.eq("ownerId", ownerId))).isZero();
                assertThat(registry.getCollection("camera_imports").countDocuments(Filters.eq("ownerId", ownerId))).isZero();
                assertThat(registry.getCollection("pairing_codes").countDocuments(Filters.eq("ownerId", ownerId))).isZero();
            });
        }
    }

    @Test
    void aTokenIssuedBeforeTheErasureRegistersNothingAfterIt() {
        String camera = register(erasedOwner, "Porch", null);
        UUID ownerId = UUID.fromString(erased.subject());
        try (KafkaProbe kafka = new KafkaProbe(TestInfrastructure.INFRASTRUCTURE.kafkaBrokers(), Topics.CAMERA_DEREGISTERED);
                EventPublisher events = new EventPublisher(TestInfrastructure.INFRASTRUCTURE.kafkaBrokers())) {
            events.publish(AccountErased.TYPE, IDENTITY, ownerId.toString(), new AccountErased(ownerId, EventPublisher.now()));
            kafka.await(Topics.CAMERA_DEREGISTERED, camera, 1);
        }

        for (ApiClient.Response refused : List.of(erasedOwner.post("/api/cameras", aCamera().labelled("After").json()),
                erasedOwner.post("/api/cameras", aCamera().labelled("After").json(), "Idempotency-Key", "after"))) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.json().path("type").asString()).endsWith("/problems/account-erased");
        }
        assertThat(registry.getCollection("cameras").countDocuments(Filters.eq("ownerId", ownerId))).isZero();
        assertThat(registry.getCollection("erased_owners").find(Filters.eq("_id", ownerId)).first())
                .as("only the id and when").satisfies(marker -> assertThat(marker.keySet()).containsOnly("_id", "erasedAt"));
    }

    @Test
    void theSameErasureDeliveredAgainDeletesAndPublishesNothingMore() {
        String camera = register(erasedOwner, "Porch", null);
        UUID ownerId = UUID.fromString(erased.subject());
        try (KafkaProbe kafka = new KafkaProbe(TestInfrastructure.INFRASTRUCTURE.kafkaBrokers(), Topics.CAMERA_DEREGISTERED);
                EventPublisher events = new EventPublisher(TestInfrastructure.INFRASTRUCTURE.kafkaBrokers())) {
            var erasure = events.publish(AccountErased.TYPE, IDENTITY, ownerId.toString(),
                    new AccountErased(ownerId, EventPublisher.now()));
            kafka.await(Topics.CAMERA_DEREGISTERED, camera, 1);

            events.again(AccountErased.TYPE, erasure);
            // Once a later erasure of someone else is done, the repeat before it was handled too.
            TestIssuer.Token marker = TestIssuer.shared().owner();
            String markerCamera = register(anonymousAs(marker), "Marker", null);
            events.publish(AccountErased.TYPE, IDENTITY, marker.subject(),
                    new AccountErased(UUID.fromString(marker.subject()), EventPublisher.now()));
            kafka.await(Topics.CAMERA_DEREGISTERED, markerCamera, 1);

            assertThat(kafka.recordsUpToNow(Topics.CAMERA_DEREGISTERED, camera)).hasSize(1);
        }
    }

    @Test
    void anUnreadableErasureGoesToTheDeadLetterTopicWithItsReason() {
        String deadLetters = Topics.deadLetter(Topics.ACCOUNT_ERASED, "registry");
        String key = UUID.randomUUID().toString();
        try (KafkaProbe kafka = new KafkaProbe(TestInfrastructure.INFRASTRUCTURE.kafkaBrokers(), deadLetters);
                EventPublisher events = new EventPublisher(TestInfrastructure.INFRASTRUCTURE.kafkaBrokers())) {
            events.raw(Topics.ACCOUNT_ERASED, key, "{\"not\": \"an event\"}");

            var parked = kafka.await(deadLetters, key, 1).getFirst();
            assertThat(new String(parked.value())).isEqualTo("{\"not\": \"an event\"}");
            assertThat(new String(parked.headers().lastHeader("kafka_dlt-exception-message").value())).isNotBlank();
        }
    }

    private ApiClient anonymousAs(TestIssuer.Token token) {
        return new ApiClient("http://localhost:" + port).as(token);
    }

    private static String register(ApiClient owner, String label, String idempotencyKey) {
        ApiClient.Response created = idempotencyKey == null
                ? owner.post("/api/cameras", aCamera().labelled(label).json())
                : owner.post("/api/cameras", aCamera().labelled(label).json(), "Idempotency-Key", idempotencyKey);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }
}
