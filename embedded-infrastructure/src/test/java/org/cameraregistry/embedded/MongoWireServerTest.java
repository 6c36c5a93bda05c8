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
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;
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
    void aQueryWithoutABatchSizeIsAnsweredInBatchesTheDriverTakesHoweverLargeTheAnswer() {
        // 300 documents of 300 kB: 90 MB in all, more than the 48 MB the driver takes in one reply.
        String payload = "x".repeat(300_000);
        try (MongoWireServer server = MongoWireServer.start(data.resolve("mongodb.mv"), 0);
                MongoClient client = MongoClients.create(server.uri())) {
            MongoCollection<Document> cameras = client.getDatabase("geo-search").getCollection("cameras");
            for (int i = 0; i < 300; i++) {
                cameras.insertOne(new Document("_id", i).append("payload", payload));
            }

            List<Integer> unbatched = cameras.find().map(document -> document.getInteger("_id")).into(new ArrayList<>());
            List<Integer> batchedByTheClient = cameras.find().batchSize(7).map(document -> document.getInteger("_id"))
                    .into(new ArrayList<>());

            assertThat(unbatched).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 300).boxed().toList());
            assertThat(batchedByTheClient).containsExactlyInAnyOrderElementsOf(unbatched);
        }
    }

    @Test
    void aSmallAnswerWithoutABatchSizeComesWholeAndTheCursorIsClosed() {
        try (MongoWireServer server = MongoWireServer.start(data.resolve("mongodb.mv"), 0);
                MongoClient client = MongoClients.create(server.uri())) {
            MongoCollection<Document> cameras = client.getDatabase("geo-search").getCollection("cameras");
            for (int i = 0; i < 250; i++) {
                cameras.insertOne(new Document("_id", i).append("label", "camera " + i));
            }

            assertThat(cameras.find(Filters.lt("_id", 100)).into(new ArrayList<>())).hasSize(100);
            assertThat(cameras.find().into(new ArrayList<>())).hasSize(250);
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
