package org.cameraregistry.geo.camera;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.List;
import java.util.UUID;
import org.bson.UuidRepresentation;
import org.cameraregistry.embedded.MongoWireServer;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.geo.index.CameraIndex;
import org.cameraregistry.geo.index.IndexedCamera;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The index catches up with the store when a redelivery finds the change already stored. */
class CameraIndexerIT {

    private MongoWireServer mongo;
    private MongoClient client;
    private CameraStore store;
    private CameraIndex index;
    private CameraIndexer indexer;

    @BeforeEach
    void start() {
        mongo = MongoWireServer.startInMemory(0);
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(mongo.uri()))
                .uuidRepresentation(UuidRepresentation.STANDARD).build());
        store = new CameraStore(client.getDatabase("geo-search"));
        index = new CameraIndex(100_000);
        indexer = new CameraIndexer(store, index);
    }

    @AfterEach
    void stop() {
        client.close();
        mongo.close();
    }

    @Test
    void aChangeStoredByAnAttemptThatFailedBeforeTheIndexReachesTheIndexOnRedelivery() {
        IndexedCamera camera = new IndexedCamera(UUID.randomUUID(), 1, 32.70, -96.70, CameraLevel.LEVEL_1);
        store.save(camera);

        assertThat(indexer.index(camera)).isFalse();

        assertThat(index.nearest(32.70, -96.70, 1)).extracting(nearby -> nearby.camera().id())
                .containsExactly(camera.id());
    }

    @Test
    void aRemovalStoredByAnAttemptThatFailedBeforeTheIndexReachesTheIndexOnRedelivery() {
        IndexedCamera camera = new IndexedCamera(UUID.randomUUID(), 1, 32.71, -96.71, CameraLevel.LEVEL_1);
        indexer.index(camera);
        store.remove(camera.id(), 2);

        assertThat(indexer.forget(camera.id(), 2)).isFalse();

        assertThat(index.nearest(32.71, -96.71, 1)).isEmpty();
    }

    @Test
    void anOlderEventLeavesTheNewerStateInPlace() {
        UUID id = UUID.randomUUID();
        indexer.index(new IndexedCamera(id, 3, 32.72, -96.72, CameraLevel.LEVEL_2));

        assertThat(indexer.index(new IndexedCamera(id, 2, 32.90, -96.90, CameraLevel.LEVEL_1))).isFalse();

        assertThat(index.nearest(32.72, -96.72, 1)).singleElement()
                .satisfies(nearby -> assertThat(nearby.camera().level()).isEqualTo(CameraLevel.LEVEL_2));
        assertThat(index.holdsAtLeast(id, 3)).isTrue();
        assertThat(index.holdsAtLeast(id, 4)).isFalse();
        assertThat(store.find(id)).hasValueSatisfying(stored -> assertThat(stored.version()).isEqualTo(3));
    }

    @Test
    void aNewInstanceReplayingTheWholeHistoryEndsWhereTheStoreIs() {
        UUID kept = UUID.randomUUID();
        UUID removed = UUID.randomUUID();
        List<Runnable> history = List.of(
                () -> indexer.index(new IndexedCamera(kept, 1, 32.73, -96.73, CameraLevel.LEVEL_1)),
                () -> indexer.index(new IndexedCamera(removed, 1, 32.74, -96.74, CameraLevel.LEVEL_1)),
                () -> indexer.index(new IndexedCamera(kept, 2, 32.75, -96.75, CameraLevel.LEVEL_2)),
                () -> indexer.forget(removed, 2));
        history.forEach(Runnable::run);
        CameraIndex newIndex = new CameraIndex(100_000);
        CameraIndexer newInstance = new CameraIndexer(store, newIndex);
        newInstance.loadIndex();

        assertThat(newInstance.index(new IndexedCamera(kept, 1, 32.73, -96.73, CameraLevel.LEVEL_1))).isFalse();
        assertThat(newInstance.index(new IndexedCamera(removed, 1, 32.74, -96.74, CameraLevel.LEVEL_1))).isFalse();
        assertThat(newInstance.index(new IndexedCamera(kept, 2, 32.75, -96.75, CameraLevel.LEVEL_2))).isFalse();
        assertThat(newInstance.forget(removed, 2)).isFalse();

        assertThat(newIndex.within(32.74, -96.74, 5_000, 10)).extracting(nearby -> nearby.camera().id())
                .containsExactly(kept);
        assertThat(store.find(kept)).hasValueSatisfying(stored -> assertThat(stored.version()).isEqualTo(2));
        assertThat(store.find(removed)).hasValueSatisfying(stored -> assertThat(stored.removed()).isTrue());
    }
}
