package org.cameraregistry.geo.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cameraregistry.geo.CameraEventsOnKafka.cameraAt;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.cameraregistry.events.EventEnvelope;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraRegistered;
import org.cameraregistry.geo.CameraEventsOnKafka;
import org.cameraregistry.geo.GeoSearchApplication;
import org.cameraregistry.geo.GivenJurisdiction;
import org.cameraregistry.geo.TestInfrastructure;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.testkit.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An instance that stops and starts again holds exactly what the registry published, whatever
 * happened while it was away: it rebuilds its index from its collection, then reads on from where
 * its consumer group had got to, so that nothing is lost, and nothing is found twice, even when an
 * event it had applied is delivered again.
 */
class IndexCatchUpIT {

    /** A box around the cameras of this test, away from every other test's. */
    private static final String EVERY_CAMERA = "/api/search/within-box?south=33.39&west=-97.41&north=33.41&east=-97.39";

    @Test
    void anInstanceStartedAgainCatchesUpWithWhatWasPublishedWhileItWasAway() {
        String database = "geo-catch-up-" + UUID.randomUUID();
        String instance = "catch-up-" + UUID.randomUUID();
        UUID moved = UUID.randomUUID();
        UUID deleted = UUID.randomUUID();
        UUID paused = UUID.randomUUID();
        UUID untouched = UUID.randomUUID();
        UUID registeredMeanwhile = UUID.randomUUID();

        try (CameraEventsOnKafka events = new CameraEventsOnKafka(TestInfrastructure.INFRASTRUCTURE.kafkaBrokers())) {
            EventEnvelope<CameraRegistered> movedFirst;
            try (ConfigurableApplicationContext first = start(database, instance)) {
                ApiClient api = investigator(first);
                movedFirst = events.registered(moved, cameraAt(33.4000, -97.4000, CameraLevel.LEVEL_1));
                events.registered(deleted, cameraAt(33.4010, -97.4010, CameraLevel.LEVEL_1));
                events.registered(paused, cameraAt(33.4020, -97.4020, CameraLevel.LEVEL_2));
                events.registered(untouched, cameraAt(33.4030, -97.4030, CameraLevel.LEVEL_2));
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(ids(api.get(EVERY_CAMERA))).hasSize(4));
            }

            // While no instance runs: a move, a deletion, a pause, a new camera, and a registration delivered again.
            events.updated(moved, 2, cameraAt(33.4090, -97.4090, CameraLevel.LEVEL_1));
            events.deregistered(deleted, 2);
            events.paused(paused, 2);
            events.registered(registeredMeanwhile, cameraAt(33.4040, -97.4040, CameraLevel.LEVEL_1));
            events.again(CameraRegistered.TYPE, movedFirst);

            try (ConfigurableApplicationContext again = start(database, instance)) {
                ApiClient api = investigator(again);
                // Each camera's events are consumed in order, but cameras on other partitions may be
                // caught up first: the box can list the moved camera while it still stands at its old place.
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    assertThat(ids(api.get(EVERY_CAMERA)))
                            .containsExactlyInAnyOrder(moved.toString(), untouched.toString(), registeredMeanwhile.toString());
                    ApiClient.Response whereItWent = api.get("/api/search/within?lat=33.4090&lon=-97.4090&radiusMeters=5");
                    assertThat(ids(whereItWent)).containsExactly(moved.toString());
                });
                assertThat(ids(api.get("/api/search/within?lat=33.4000&lon=-97.4000&radiusMeters=5"))).isEmpty();
                assertThat(api.get(EVERY_CAMERA).json().path("total").asInt()).isEqualTo(3);
            }
        }
    }

    private static ConfigurableApplicationContext start(String database, String instance) {
        return new SpringApplicationBuilder(GeoSearchApplication.class).run(TestIssuer.shared().serviceArguments(
                "--server.port=0",
                "--service.instance-id=" + instance,
                "--spring.mongodb.uri=" + TestInfrastructure.INFRASTRUCTURE.mongoUri(),
                "--spring.mongodb.database=" + database,
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.INFRASTRUCTURE.kafkaBrokers()));
    }

    private static ApiClient investigator(ConfigurableApplicationContext geoSearch) {
        String baseUrl = "http://localhost:" + geoSearch.getEnvironment().getProperty("local.server.port");
        GivenJurisdiction.everywhere(baseUrl, "dallas");
        return new ApiClient(baseUrl).as(TestIssuer.shared().staff("INVESTIGATOR", "dallas"));
    }

    /** The ids a search found; a failed search fails the test rather than reading as "nothing found". */
    private static List<String> ids(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("cameras").values().stream().map(hit -> hit.path("id").asString()).toList();
    }
}
