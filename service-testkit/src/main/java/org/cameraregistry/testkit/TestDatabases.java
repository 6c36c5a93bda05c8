package org.cameraregistry.testkit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.util.UUID;
import org.cameraregistry.embedded.MongoWireServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Fresh databases for a contract test class, on one of the servers a service may meet: the
 * embedded wire server, or a real MongoDB in a container. Register it as a static field with
 * {@code @RegisterExtension}; the real MongoDB's tests are skipped, not failed, where Docker is missing.
 */
public abstract sealed class TestDatabases implements BeforeAllCallback, AfterAllCallback {

    private MongoClient client;

    /** The MongoDB wire-protocol server the local stack and the other tests run, in memory. */
    public static TestDatabases onWireServer() {
        return new WireServer();
    }

    /** A real MongoDB of this image (for example {@code mongo:8.0}), where Docker can run one. */
    public static TestDatabases onMongoDb(String image) {
        return new RealMongoDb(image);
    }

    /** A database no test has used, named after {@code prefix}. */
    public MongoDatabase fresh(String prefix) {
        return client.getDatabase(prefix + "-" + UUID.randomUUID());
    }

    abstract String start();

    abstract void stop();

    @Override
    public void beforeAll(ExtensionContext context) {
        client = MongoClients.connect(start());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (client != null) {
            client.close();
        }
        stop();
    }

    private static final class WireServer extends TestDatabases {

        private MongoWireServer server;

        @Override
        String start() {
            server = MongoWireServer.startInMemory(0);
            return server.uri();
        }

        @Override
        void stop() {
            server.close();
        }
    }

    private static final class RealMongoDb extends TestDatabases implements ExecutionCondition {

        private final String image;
        private MongoDBContainer container;

        RealMongoDb(String image) {
            this.image = image;
        }

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return DockerClientFactory.instance().isDockerAvailable()
                    ? ConditionEvaluationResult.enabled("Docker runs " + image)
                    : ConditionEvaluationResult.disabled("No Docker here to run " + image + "; runs where Docker does");
        }

        @Override
        String start() {
            container = new MongoDBContainer(image);
            container.start();
            return container.getConnectionString();
        }

        @Override
        void stop() {
            if (container != null) {
                container.stop();
            }
        }
    }
}
