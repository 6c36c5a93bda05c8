package org.cameraregistry.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import org.cameraregistry.embedded.KafkaBroker;
import org.cameraregistry.embedded.MongoWireServer;

/**
 * A real Kafka broker (KRaft) and a MongoDB wire-protocol server in the test JVM, the same ones the
 * local stack runs, started once and shared by every test of the JVM, so that the Spring contexts
 * on top of them can be shared too.
 */
public final class EmbeddedInfrastructure {

    private static EmbeddedInfrastructure started;

    private final KafkaBroker kafka;
    private final MongoWireServer mongo;

    private EmbeddedInfrastructure() {
        kafka = KafkaBroker.startTemporary(freePort(), freePort());
        mongo = MongoWireServer.startInMemory(0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.close();
            kafka.close();
        }, "embedded-infrastructure-shutdown"));
    }

    /** The JVM's infrastructure, started on first use, with these topics created. */
    public static synchronized EmbeddedInfrastructure withTopics(List<String> topics) {
        if (started == null) {
            started = new EmbeddedInfrastructure();
        }
        started.kafka.createTopics(topics);
        return started;
    }

    public String kafkaBrokers() {
        return kafka.bootstrapServers();
    }

    public String mongoUri() {
        return mongo.uri();
    }

    /** A port nothing listens on now: for a server a test starts later, at an address known in advance. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
