package org.cameraregistry.registry.camera;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.UUID;
import org.bson.UuidRepresentation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The repository on the MongoDB wire-protocol server that the local stack and the tests run. */
class CameraRepositoryOnWireServerIT extends CameraRepositoryContract {

    private static MongoServer server;
    private static MongoClient client;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
                .uuidRepresentation(UuidRepresentation.STANDARD)
                .build());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    @Override
    protected MongoDatabase freshDatabase() {
        return client.getDatabase("registry-" + UUID.randomUUID());
    }
}
