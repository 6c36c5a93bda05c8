package org.cameraregistry.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server in this JVM. Services reach it with the official driver and a
 * {@code mongodb://} URI, as they would a real MongoDB. Its unique indexes on one field ({@code _id}'s
 * among them) serve queries that name one value of that field among other conditions, as MongoDB's
 * do ({@link KeyLookupIndex}).
 */
public final class MongoWireServer implements AutoCloseable {

    private final MongoBackend backend;
    private final MongoServer server;

    private MongoWireServer(MongoBackend backend, int port) {
        this.backend = backend;
        this.server = new MongoServer(backend);
        server.bind("localhost", port);
    }

    /** Data in one file, so that it survives a restart. Port 0 picks a free one. */
    public static MongoWireServer start(Path file, int port) {
        return new MongoWireServer(IdPlannedBackends.inFile(file.toString()), port);
    }

    /** Data in memory only, for tests. Port 0 picks a free one. */
    public static MongoWireServer startInMemory(int port) {
        return new MongoWireServer(IdPlannedBackends.inMemory(), port);
    }

    public String uri() {
        return "mongodb://localhost:" + server.getLocalAddress().getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
        backend.close();
    }
}
