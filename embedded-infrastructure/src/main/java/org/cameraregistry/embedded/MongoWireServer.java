package org.cameraregistry.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server in this JVM. Services reach it with the official driver and a
 * {@code mongodb://} URI, as they would a real MongoDB.
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
        return new MongoWireServer(new H2Backend(file.toString()), port);
    }

    /** Data in memory only, for tests. Port 0 picks a free one. */
    public static MongoWireServer startInMemory(int port) {
        return new MongoWireServer(new MemoryBackend(), port);
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
