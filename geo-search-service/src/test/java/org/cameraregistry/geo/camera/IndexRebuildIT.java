package org.cameraregistry.geo.camera;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.UUID;
import org.bson.UuidRepresentation;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.geo.GivenJurisdiction;
import org.cameraregistry.testkit.TestIssuer;
import org.cameraregistry.geo.GeoSearchApplication;
import org.cameraregistry.geo.TestInfrastructure;
import org.cameraregistry.geo.index.IndexedCamera;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** After a restart, the index holds what the collection holds, before any event arrives. */
class IndexRebuildIT {

    @Test
    void theIndexIsRebuiltFromTheCollectionOnStart() {
        String database = "geo-rebuild-" + UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        UUID removed = UUID.randomUUID();
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(TestInfrastructure.INFRASTRUCTURE.mongoUri()))
                .uuidRepresentation(UuidRepresentation.STANDARD).build())) {
            CameraStore store = new CameraStore(client.getDatabase(database));
            store.save(new IndexedCamera(kept, 4, 32.7000, -96.6000, CameraLevel.LEVEL_2));
            store.save(new IndexedCamera(removed, 1, 32.7001, -96.6001, CameraLevel.LEVEL_1));
            store.remove(removed, 2);
        }

        try (ConfigurableApplicationContext geoSearch = new SpringApplicationBuilder(GeoSearchApplication.class).run(TestIssuer.shared().serviceArguments(
                "--server.port=0",
                "--spring.mongodb.uri=" + TestInfrastructure.INFRASTRUCTURE.mongoUri(),
                "--spring.mongodb.database=" + database,
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.INFRASTRUCTURE.kafkaBrokers(),
                // Only the rebuild is under test: this instance must not take events from the shared one.
                "--spring.kafka.listener.auto-startup=false"))) {
            String baseUrl = "http://localhost:" + geoSearch.getEnvironment().getProperty("local.server.port");
            GivenJurisdiction.everywhere(baseUrl, "dallas");
            ApiClient api = new ApiClient(baseUrl).as(TestIssuer.shared().staff("INVESTIGATOR", "dallas"));

            ApiClient.Response found = api.get("/api/search/within?lat=32.7&lon=-96.6&radiusMeters=100");

            assertThat(found.status()).isEqualTo(200);
            assertThat(found.json().path("cameras").values()).extracting(hit -> hit.path("id").asString())
                    .containsExactly(kept.toString());
        }
    }
}
