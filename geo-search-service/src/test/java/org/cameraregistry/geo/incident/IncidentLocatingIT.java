package org.cameraregistry.geo.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.cameraregistry.events.EventCodec;
import org.cameraregistry.events.EventEnvelope;
import org.cameraregistry.events.Topics;
import org.cameraregistry.events.camera.CameraDetails;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraRegistered;
import org.cameraregistry.events.incident.IncidentCamerasLocated;
import org.cameraregistry.events.incident.IncidentCamerasLocated.LocatedCamera;
import org.cameraregistry.events.incident.IncidentCamerasLocated.Outcome;
import org.cameraregistry.events.incident.IncidentDeclared;
import org.cameraregistry.events.incident.IncidentUpdated;
import org.cameraregistry.geo.GeoSearchIntegrationTest;
import org.cameraregistry.geo.GivenJurisdiction;
import org.cameraregistry.geo.TestInfrastructure;
import org.cameraregistry.outbox.Outbox;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.testkit.ConsumerGroupProbe;
import org.cameraregistry.testkit.EventPublisher;
import org.cameraregistry.testkit.KafkaProbe;
import org.cameraregistry.testkit.MongoClients;
import org.cameraregistry.testkit.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A dispatch system's incidents, from Kafka to Kafka: geo-search answers each declared or updated
 * state with the cameras within its radius and its department's jurisdiction, once, through the
 * incident's outbox.
 */
class IncidentLocatingIT extends GeoSearchIntegrationTest {

    /** A spot of its own, by White Rock Lake. */
    private static final double LAT = 32.8250;
    private static final double LON = -96.7250;
    private static final String DISPATCH = "/dispatch/dallas-cad";
    private static final List<String> INCIDENT_TOPICS = List.of(Topics.INCIDENT_DECLARED, Topics.INCIDENT_UPDATED);

    @LocalServerPort
    private int port;

    private final EventCodec codec = new EventCodec();
    private EventPublisher publisher;
    private KafkaProbe located;

    @BeforeEach
    void connect() {
        GivenJurisdiction.everywhere("http://localhost:" + port, "dallas");
        publisher = new EventPublisher(TestInfrastructure.INFRASTRUCTURE.kafkaBrokers());
        located = new KafkaProbe(TestInfrastructure.INFRASTRUCTURE.kafkaBrokers(), Topics.INCIDENT_CAMERAS_LOCATED);
    }

    @AfterEach
    void close() {
        publisher.close();
        located.close();
    }

    @Test
    void aDeclaredIncidentLocatesTheCamerasWithinItsRadiusNearestFirstWithTheirOwners() {
        UUID owner = UUID.randomUUID();
        UUID near = registered(LAT + 0.0010, LON, CameraLevel.LEVEL_2, owner);
        UUID further = registered(LAT + 0.0025, LON, CameraLevel.LEVEL_1, owner);
        UUID outside = registered(LAT + 0.0060, LON, CameraLevel.LEVEL_1, owner);
        awaitSearchable(outside);
        String incident = "DPD-" + UUID.randomUUID();

        declare(incident, "ROBBERY", LAT, LON, 400, Instant.now());

        IncidentCamerasLocated answer = only(located.await(Topics.INCIDENT_CAMERAS_LOCATED, incident, 1));
        assertThat(answer.outcome()).isEqualTo(Outcome.LOCATED);
        assertThat(answer.radiusMeters()).isEqualTo(400);
        assertThat(answer.departmentId()).isEqualTo("dallas");
        assertThat(answer.cameras()).extracting(LocatedCamera::cameraId).containsExactly(near, further);
        assertThat(answer.cameras()).extracting(LocatedCamera::ownerId).containsOnly(owner);
        assertThat(answer.cameras()).extracting(LocatedCamera::level).containsExactly(CameraLevel.LEVEL_2, CameraLevel.LEVEL_1);
        assertThat(answer.cameras().getFirst().distanceMeters()).isBetween(110.0, 112.5);
        assertThat(answer.total()).isEqualTo(2);
    }

    @Test
    void theSameStateAgainOrAnOlderOneLocatesNothingAndALaterOneLocatesAgain() {
        registered(LAT - 0.0100, LON, CameraLevel.LEVEL_1, UUID.randomUUID());
        UUID moved = registered(LAT - 0.0200, LON, CameraLevel.LEVEL_2, UUID.randomUUID());
        awaitSearchable(moved);
        String incident = "DPD-" + UUID.randomUUID();
        Instant declaredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        EventEnvelope<IncidentDeclared> declared = declare(incident, "ASSAULT", LAT - 0.0100, LON, 200, declaredAt);
        located.await(Topics.INCIDENT_CAMERAS_LOCATED, incident, 1);

        publisher.again(IncidentDeclared.TYPE, declared);
        update(incident, LAT - 0.0100, LON, 200, declaredAt.minusSeconds(60));
        ConsumerGroupProbe.awaitCaughtUp(TestInfrastructure.INFRASTRUCTURE.kafkaBrokers(), "geo-search", INCIDENT_TOPICS);
        assertThat(waitingInOutbox(incident)).as("events waiting in the incident's outbox").isZero();
        assertThat(located.recordsUpToNow(Topics.INCIDENT_CAMERAS_LOCATED, incident)).hasSize(1);

        update(incident, LAT - 0.0200, LON, 200, declaredAt.plusSeconds(60));

        List<ConsumerRecord<String, byte[]>> both = located.await(Topics.INCIDENT_CAMERAS_LOCATED, incident, 2);
        IncidentCamerasLocated later = read(both.get(1));
        assertThat(later.asOf()).isEqualTo(declaredAt.plusSeconds(60));
        assertThat(later.cameras()).extracting(LocatedCamera::cameraId).containsExactly(moved);
    }

    @Test
    void withoutARadiusAnIncidentTakesItsTypesDefaultAndAnUnknownTypeTheGeneralOne() {
        UUID camera = registered(LAT + 0.0300, LON, CameraLevel.LEVEL_1, UUID.randomUUID());
        awaitSearchable(camera);
        String burglary = "DPD-" + UUID.randomUUID();
        String unknown = "DPD-" + UUID.randomUUID();

        declare(burglary, "burglary", LAT + 0.0300, LON, null, Instant.now());
        declare(unknown, "NOISE_COMPLAINT", LAT + 0.0300, LON, null, Instant.now());

        assertThat(only(located.await(Topics.INCIDENT_CAMERAS_LOCATED, burglary, 1)).radiusMeters()).isEqualTo(300);
        assertThat(only(located.await(Topics.INCIDENT_CAMERAS_LOCATED, unknown, 1)).radiusMeters()).isEqualTo(500);
    }

    @Test
    void anIncidentOfADepartmentWithoutJurisdictionLocatesNoCameraAndSaysWhy() {
        UUID camera = registered(LAT + 0.0400, LON, CameraLevel.LEVEL_1, UUID.randomUUID());
        awaitSearchable(camera);
        String incident = "XPD-" + UUID.randomUUID();

        publisher.publish(IncidentDeclared.TYPE, DISPATCH, incident, new IncidentDeclared(incident,
                "department-without-jurisdiction-" + UUID.randomUUID(), "ROBBERY", 1, LAT + 0.0400, LON, 400,
                Instant.now(), Instant.now().plusSeconds(3600)));

        IncidentCamerasLocated answer = only(located.await(Topics.INCIDENT_CAMERAS_LOCATED, incident, 1));
        assertThat(answer.outcome()).isEqualTo(Outcome.NO_JURISDICTION);
        assertThat(answer.cameras()).isEmpty();
        assertThat(answer.total()).isZero();
    }

    /** An event a dispatch system got wrong is set aside with the reason, and the incidents after it are located. */
    @Test
    void anIncidentThatBreaksItsSchemaGoesToTheDeadLetterTopicAndTheNextIsLocated() {
        String broken = "DPD-" + UUID.randomUUID();
        publisher.raw(Topics.INCIDENT_DECLARED, broken, """
                {"specversion":"1.0","id":"%s","source":"/dispatch/dallas-cad","type":"org.cameraregistry.incident-declared.v1",
                 "time":"2026-11-25T10:00:00Z","subject":"%s","datacontenttype":"application/json",
                 "dataschema":"https://schemas.cameraregistry.org/events/incident-declared.v1.json",
                 "data":{"incidentId":"%s","departmentId":"dallas","incidentType":"ROBBERY","priority":1,
                         "latitude":132.8,"longitude":-96.7,"declaredAt":"2026-11-25T10:00:00Z",
                         "expiresAt":"2026-11-25T14:00:00Z"}}""".formatted(UUID.randomUUID(), broken, broken));
        String next = "DPD-" + UUID.randomUUID();
        declare(next, "ROBBERY", LAT, LON, 100, Instant.now());

        String deadLetters = Topics.deadLetter(Topics.INCIDENT_DECLARED, "geo-search");
        try (KafkaProbe dead = new KafkaProbe(TestInfrastructure.INFRASTRUCTURE.kafkaBrokers(), deadLetters)) {
            ConsumerRecord<String, byte[]> record = dead.await(deadLetters, broken, 1).getFirst();
            var reason = record.headers().lastHeader("kafka_dlt-exception-message");
            assertThat(reason).isNotNull();
            assertThat(new String(reason.value(), java.nio.charset.StandardCharsets.UTF_8)).contains("latitude");
        }
        only(located.await(Topics.INCIDENT_CAMERAS_LOCATED, next, 1));
        assertThat(located.recordsUpToNow(Topics.INCIDENT_CAMERAS_LOCATED, broken)).isEmpty();
    }

    private UUID registered(double lat, double lon, CameraLevel level, UUID owner) {
        UUID id = UUID.randomUUID();
        CameraDetails camera = new CameraDetails("Test camera", lat, lon, level, null, null, Set.of(), false, null, false);
        publisher.publish(CameraRegistered.TYPE, "/registry-service", id.toString(),
                new CameraRegistered(id, 1, camera, EventPublisher.now(), owner));
        return id;
    }

    /** Waits until the camera is in the index: an incident declared before would rightly not see it. */
    private void awaitSearchable(UUID camera) {
        ApiClient api = new ApiClient("http://localhost:" + port).as(TestIssuer.shared().staff("INVESTIGATOR", "dallas"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
            ApiClient.Response found = api.get("/api/search/nearest?lat=" + LAT + "&lon=" + LON + "&limit=100");
            return found.status() == 200 && found.body().contains(camera.toString());
        });
    }

    private EventEnvelope<IncidentDeclared> declare(String incident, String type, double lat, double lon, Integer radius,
            Instant at) {
        return publisher.publish(IncidentDeclared.TYPE, DISPATCH, incident,
                new IncidentDeclared(incident, "dallas", type, 2, lat, lon, radius, at, at.plusSeconds(3600)));
    }

    private void update(String incident, double lat, double lon, Integer radius, Instant at) {
        publisher.publish(IncidentUpdated.TYPE, DISPATCH, incident,
                new IncidentUpdated(incident, "dallas", "ASSAULT", 2, lat, lon, radius, at, at.plusSeconds(3600)));
    }

    private long waitingInOutbox(String incident) {
        try (MongoClient mongo = MongoClients.connect(TestInfrastructure.INFRASTRUCTURE.mongoUri())) {
            Document stored = mongo.getDatabase("geo-search").getCollection("incidents")
                    .find(new Document("_id", incident)).first();
            assertThat(stored).as("the incident's document").isNotNull();
            return stored.getList(Outbox.EVENTS, Object.class, List.of()).size();
        }
    }

    private IncidentCamerasLocated only(List<ConsumerRecord<String, byte[]>> records) {
        assertThat(records).hasSize(1);
        return read(records.getFirst());
    }

    private IncidentCamerasLocated read(ConsumerRecord<String, byte[]> record) {
        return codec.read(record.value(), IncidentCamerasLocated.TYPE).data();
    }
}
