package org.cameraregistry.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import org.bson.BsonBinarySubType;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
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

    @Test
    void everyKindOfValueComesBackAsItWasStoredAfterARestart() {
        Path file = data.resolve("mongodb.mv");
        Document stored = new Document("_id", new ObjectId())
                .append("text", "Café – façade")
                .append("int", 42)
                .append("long", 1L << 40)
                .append("double", 32.7767)
                .append("decimal", Decimal128.parse("12.50"))
                .append("flag", true)
                .append("nothing", null)
                .append("when", new Date(1_700_000_000_000L))
                .append("uuid", new Binary(BsonBinarySubType.UUID_STANDARD, new byte[] {108, 27, 58, 14, 77, 60, 75, 122, -102, 83, 47, 30, 12, -115, -101, 16}))
                .append("bytes", new Binary(new byte[] {1, 2, 3}))
                .append("list", List.of(1, "two", new Document("three", 3.0)))
                .append("nested", new Document("outbox", List.of(new Document("eventId", "e1").append("attempts", 2))));
        try (MongoWireServer server = MongoWireServer.start(file, 0);
                MongoClient client = MongoClients.create(server.uri())) {
            client.getDatabase("registry").getCollection("kinds").insertOne(stored);
        }

        try (MongoWireServer server = MongoWireServer.start(file, 0);
                MongoClient client = MongoClients.create(server.uri())) {
            Document read = client.getDatabase("registry").getCollection("kinds").find().first();

            assertThat(read).isEqualTo(stored);
        }
    }

    @Test
    void updatesDeletesAndUniqueIndexesAreKeptAcrossARestart() {
        Path file = data.resolve("mongodb.mv");
        try (MongoWireServer server = MongoWireServer.start(file, 0);
                MongoClient client = MongoClients.create(server.uri())) {
            MongoCollection<Document> cameras = client.getDatabase("registry").getCollection("cameras");
            cameras.createIndex(Indexes.ascending("serial"), new IndexOptions().unique(true));
            for (int i = 0; i < 500; i++) {
                cameras.insertOne(new Document("_id", "camera-" + i).append("serial", "S" + i).append("version", 1));
            }
            cameras.updateOne(Filters.eq("_id", "camera-7"), Updates.set("version", 2));
            cameras.deleteOne(Filters.eq("_id", "camera-8"));
        }

        try (MongoWireServer server = MongoWireServer.start(file, 0);
                MongoClient client = MongoClients.create(server.uri())) {
            MongoCollection<Document> cameras = client.getDatabase("registry").getCollection("cameras");

            assertThat(cameras.countDocuments()).isEqualTo(499);
            assertThat(cameras.find(Filters.eq("_id", "camera-7")).first()).containsEntry("version", 2);
            assertThat(cameras.find(Filters.eq("_id", "camera-8")).first()).isNull();
            assertThatThrownBy(() -> cameras.insertOne(new Document("_id", "another").append("serial", "S9")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            cameras.insertOne(new Document("_id", "camera-8").append("serial", "S8"));
            assertThat(cameras.countDocuments()).isEqualTo(500);
        }
    }
}
