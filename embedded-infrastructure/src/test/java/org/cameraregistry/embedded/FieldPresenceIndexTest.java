package org.cameraregistry.embedded;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A query for the documents that have a sparsely indexed field, now served by that index, answers
 * exactly as a read of the whole collection did, as documents gain and lose the field, and after a
 * restart of the file-backed server.
 */
class FieldPresenceIndexTest {

    @TempDir
    static Path data;

    static Stream<Arguments> servers() {
        return Stream.of(
                Arguments.of("in memory", (KeyLookupIndexTest.ServerFactory) () -> MongoWireServer.startInMemory(0)),
                Arguments.of("in a file", (KeyLookupIndexTest.ServerFactory) () ->
                        MongoWireServer.start(data.resolve("presence-" + System.nanoTime() + ".mv"), 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void theDocumentsWithTheFieldAreFoundAsTheyGainAndLoseIt(String name, KeyLookupIndexTest.ServerFactory servers) {
        try (MongoWireServer server = servers.start(); MongoClient client = MongoClients.create(server.uri())) {
            MongoCollection<Document> cameras = waitingCameras(client);

            assertThat(ids(cameras, exists("waitingSince"))).containsExactly(8, 6, 4, 2);
            assertThat(ids(cameras, and(exists("waitingSince"), gt("version", 4)))).containsExactly(8, 6);
            assertThat(ids(cameras, and(exists("waitingSince"), or(exists("retryAt", false), lte("retryAt", 5)))))
                    .containsExactly(8, 4, 2);
            assertThat(ids(cameras, exists("waitingSince", false))).containsExactly(0, 1, 3, 5, 7, 9);

            cameras.updateOne(eq("_id", 3), Updates.set("waitingSince", 1));
            cameras.updateOne(eq("_id", 4), Updates.unset("waitingSince"));
            cameras.deleteOne(eq("_id", 8));
            cameras.insertOne(new Document("_id", 10).append("version", 10).append("waitingSince", 0));
            cameras.replaceOne(eq("_id", 6), new Document("version", 60));
            cameras.updateOne(eq("_id", 2), Updates.set("waitingSince", null));

            // A null value is there all the same, and sorts first, as in MongoDB.
            assertThat(ids(cameras, exists("waitingSince"))).containsExactly(2, 10, 3);
            assertThat(cameras.countDocuments(exists("waitingSince"))).isEqualTo(3);
            assertThat(ids(cameras, exists("waitingSince", false))).containsExactly(0, 1, 4, 5, 6, 7, 9);
        }
    }

    @Test
    void afterARestartTheFileBackedServerFindsThemStill() {
        Path file = data.resolve("presence-restart.mv");
        try (MongoWireServer server = MongoWireServer.start(file, 0); MongoClient client = MongoClients.create(server.uri())) {
            waitingCameras(client);
        }
        try (MongoWireServer server = MongoWireServer.start(file, 0); MongoClient client = MongoClients.create(server.uri())) {
            MongoCollection<Document> cameras = client.getDatabase("planner").getCollection("cameras");
            cameras.updateOne(eq("_id", 5), Updates.set("waitingSince", 9));

            assertThat(ids(cameras, exists("waitingSince"))).containsExactly(8, 6, 4, 2, 5);
        }
    }

    /**
     * Cameras 0 to 9, each at the version of its id; the even ones but 0 wait, since 10 minus their
     * id (so that the order of waiting is not the order of ids), and 2 and 6 are to be retried at 3 and 7.
     */
    private static MongoCollection<Document> waitingCameras(MongoClient client) {
        MongoCollection<Document> cameras = client.getDatabase("planner").getCollection("cameras");
        cameras.createIndex(Indexes.ascending("waitingSince"), new IndexOptions().sparse(true).name("waiting"));
        cameras.insertMany(IntStream.range(0, 10).mapToObj(id -> {
            Document camera = new Document("_id", id).append("version", id);
            if (id > 0 && id % 2 == 0) {
                camera.append("waitingSince", 10 - id);
            }
            if (id == 2 || id == 6) {
                camera.append("retryAt", id + 1);
            }
            return camera;
        }).toList());
        return cameras;
    }

    /** The ids found, in the order of the field's value (as the relay asks), then of the id. */
    private static List<Integer> ids(MongoCollection<Document> cameras, Bson query) {
        List<Integer> ids = new ArrayList<>();
        cameras.find(query).sort(Sorts.ascending("waitingSince", "_id"))
                .forEach(document -> ids.add(document.getInteger("_id")));
        return ids;
    }
}
