package org.cameraregistry.localstack.infrastructure;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server in this JVM whose data lives in one file, so that it survives a
 * restart. Services reach it with the official driver, as they would a real MongoDB.
 */
public final class MongoWireServer implements AutoCloseable {

    private final H2Backend backend;
    private final MongoServer server;

    private MongoWireServer(H2Backend backend, MongoServer server) {
        this.backend = backend;
        this.server = server;
    }

    public static MongoWireServer start(Path file, int port) {
        H2Backend backend = new H2Backend(file.toString());
        MongoServer server = new MongoServer(backend);
        server.bind("localhost", port);
        return new MongoWireServer(backend, server);
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
