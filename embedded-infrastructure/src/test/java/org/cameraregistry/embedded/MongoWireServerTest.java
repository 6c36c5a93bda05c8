package org.cameraregistry.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoWireServerTest {

    @TempDir
    Path data;

    @Test
    void whatWasWrittenIsThereAfterARestart() {
        Path file = data.resolve("mongodb.mv");
        try (MongoWireServer server = MongoWireServer.start(file, 0)) {
            try (MongoClient client = MongoClients.create(server.uri())) {
                client.getDatabase("registry").getCollection("cameras")
                        .insertOne(new Document("_id", "porch").append("label", "Front porch"));
            }
        }

        try (MongoWireServer server = MongoWireServer.start(file, 0);
                MongoClient client = MongoClients.create(server.uri())) {
            Document camera = client.getDatabase("registry").getCollection("cameras").find().first();

            assertThat(camera).isNotNull();
            assertThat(camera.getString("label")).isEqualTo("Front porch");
        }
    }
}
