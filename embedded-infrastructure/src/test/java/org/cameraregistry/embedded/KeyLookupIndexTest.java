package org.cameraregistry.embedded;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Queries that name one value of a uniquely indexed field among other conditions ({@code _id}, or a
 * secondary key), now served by its index, answer exactly as before: the index finds the document,
 * the whole query decides.
 */
class KeyLookupIndexTest {

    @TempDir
    static Path data;

    static Stream<Arguments> servers() {
        return Stream.of(
                Arguments.of("in memory", (ServerFactory) () -> MongoWireServer.startInMemory(0)),
                Arguments.of("in a file", (ServerFactory) () -> MongoWireServer.start(data.resolve("ids-" + System.nanoTime() + ".mv"), 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aQueryNamingAnIdAndMoreFindsTheDocumentOnlyIfAllOfItHolds(String name, ServerFactory servers) {
        try (MongoWireServer server = servers.start(); MongoClient client = MongoClients.create(server.uri())) {
            MongoCollection<Document> cameras = tenCameras(client);

            assertThat(ids(cameras, and(eq("_id", 4), eq("version", 4)))).containsExactly(4);
            assertThat(ids(cameras, and(eq("_id", 4), eq("version", 5)))).isEmpty();
            assertThat(ids(cameras, and(eq("_id", 4), lt("version", 9)))).containsExactly(4);
            assertThat(ids(cameras, and(eq("_id", 4), or(eq("version", 1), gt("version", 3))))).containsExactly(4);
            assertThat(ids(cameras, and(eq("_id", 42), eq("version", 4)))).isEmpty();
            assertThat(ids(cameras, and(in("_id", 3, 4, 5), gt("version", 3)))).containsExactlyInAnyOrder(4, 5);
            assertThat(ids(cameras, and(gt("_id", 7), gt("version", 0)))).containsExactlyInAnyOrder(8, 9);
            assertThat(ids(cameras, new Document("_id", 4).append("version", 4))).containsExactly(4);
            assertThat(ids(cameras, new Document("_id", 4).append("version", 3))).isEmpty();
            assertThat(ids(cameras, and(and(eq("_id", 5), gt("version", 1)), lt("version", 9)))).containsExactly(5);
            assertThat(ids(cameras, and(and(eq("_id", 5), gt("version", 1)), lt("version", 5)))).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aConditionalWriteChangesOnlyItsDocumentAndOnlyWhenItsConditionHolds(String name, ServerFactory servers) {
        try (MongoWireServer server = servers.start(); MongoClient client = MongoClients.create(server.uri())) {
            MongoCollection<Document> cameras = tenCameras(client);

            assertThat(cameras.updateOne(and(eq("_id", 6), eq("version", 6)), Updates.set("version", 60))
                    .getModifiedCount()).isEqualTo(1);
            assertThat(cameras.updateOne(and(eq("_id", 6), eq("version", 6)), Updates.set("version", 61))
                    .getModifiedCount()).isZero();
            assertThat(cameras.deleteOne(and(eq("_id", 2), eq("version", 3))).getDeletedCount()).isZero();

            assertThat(ids(cameras, gt("version", 9))).containsExactly(6);
            assertThat(cameras.countDocuments()).isEqualTo(10);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void anUpsertWhoseConditionFailsOnAnExistingDocumentCollidesWithItsId(String name, ServerFactory servers) {
        try (MongoWireServer server = servers.start(); MongoClient client = MongoClients.create(server.uri())) {
            MongoCollection<Document> cameras = tenCameras(client);

            assertThatThrownBy(() -> cameras.updateOne(and(eq("_id", 3), lt("version", 2)), Updates.set("version", 2),
                    new UpdateOptions().upsert(true))).isInstanceOf(MongoWriteException.class);
            cameras.updateOne(and(eq("_id", 11), lt("version", 2)), Updates.set("version", 2), new UpdateOptions().upsert(true));

            assertThat(ids(cameras, eq("version", 2))).containsExactlyInAnyOrder(2, 11);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aQueryNamingAUniqueSecondaryKeyAndMoreFindsTheDocumentOnlyIfAllOfItHolds(String name, ServerFactory servers) {
        try (MongoWireServer server = servers.start(); MongoClient client = MongoClients.create(server.uri())) {
            MongoCollection<Document> cameras = tenCameras(client);
            cameras.createIndex(Indexes.ascending("reference"), new IndexOptions().unique(true).sparse(true));
            for (int id = 0; id < 8; id++) {
                cameras.updateOne(eq("_id", id), Updates.set("reference", "shop-" + id));
            }

            assertThat(ids(cameras, and(eq("reference", "shop-4"), eq("version", 4)))).containsExactly(4);
            assertThat(ids(cameras, and(eq("reference", "shop-4"), eq("version", 5)))).isEmpty();
            assertThat(ids(cameras, and(eq("reference", "shop-9"), gt("version", 0)))).isEmpty();
            assertThat(ids(cameras, new Document("reference", "shop-2").append("version", 2))).containsExactly(2);
            assertThat(ids(cameras, and(in("reference", "shop-1", "shop-3"), gt("version", 2)))).containsExactly(3);
            assertThat(ids(cameras, and(eq("reference", null), gt("version", 0)))).containsExactlyInAnyOrder(8, 9);
            assertThat(ids(cameras, and(regex("reference", "^shop-[12]$"), gt("version", 0)))).containsExactlyInAnyOrder(1, 2);
            assertThat(ids(cameras, and(exists("reference", false), gt("version", 8)))).containsExactly(9);
            assertThat(cameras.updateOne(and(eq("reference", "shop-6"), eq("version", 6)), Updates.set("version", 60))
                    .getModifiedCount()).isEqualTo(1);
            assertThat(ids(cameras, gt("version", 9))).containsExactly(6);
            // Documents the sparse index leaves out are changed and removed as any other.
            assertThat(cameras.updateOne(and(eq("_id", 8), eq("version", 8)), Updates.set("version", 80))
                    .getModifiedCount()).isEqualTo(1);
            assertThat(cameras.deleteOne(eq("_id", 9)).getDeletedCount()).isEqualTo(1);
            assertThat(cameras.deleteOne(eq("reference", "shop-5")).getDeletedCount()).isEqualTo(1);
            assertThat(ids(cameras, exists("reference", false))).containsExactly(8);
            assertThat(ids(cameras, eq("reference", "shop-5"))).isEmpty();
        }
    }

    /** Cameras 0 to 9, each at the version of its id. */
    private static MongoCollection<Document> tenCameras(MongoClient client) {
        MongoCollection<Document> cameras = client.getDatabase("planner").getCollection("cameras");
        cameras.insertMany(IntStream.range(0, 10).mapToObj(id -> new Document("_id", id).append("version", id)).toList());
        return cameras;
    }

    private static List<Integer> ids(MongoCollection<Document> cameras, Bson query) {
        List<Integer> ids = new ArrayList<>();
        cameras.find(query).forEach(document -> ids.add(document.getInteger("_id")));
        return ids;
    }

    @FunctionalInterface
    interface ServerFactory {
        MongoWireServer start();
    }
}
