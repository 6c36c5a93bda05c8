package org.cameraregistry.registry.camera;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.UUID;
import org.bson.UuidRepresentation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The repository on a real MongoDB, wherever Docker can run one; skipped elsewhere. It keeps the
 * code honest about what only the embedded wire server accepts.
 */
@Testcontainers(disabledWithoutDocker = true)
class CameraRepositoryOnMongoDbIT extends CameraRepositoryContract {

    @Container
    private static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    private static MongoClient client;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(MONGO.getConnectionString()))
                .uuidRepresentation(UuidRepresentation.STANDARD)
                .build());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Override
    protected MongoDatabase freshDatabase() {
        return client.getDatabase("registry-" + UUID.randomUUID());
    }
}
