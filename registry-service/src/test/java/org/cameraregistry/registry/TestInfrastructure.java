package org.cameraregistry.registry;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.cameraregistry.events.Topics;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker (KRaft, in this JVM) and one MongoDB wire-protocol server for every
 * integration test of the JVM, so that the Spring contexts on top of them can be shared.
 */
public final class TestInfrastructure {

    public static final EmbeddedKafkaBroker KAFKA;
    public static final MongoServer MONGO;
    public static final String MONGO_URI;

    static {
        KAFKA = new EmbeddedKafkaKraftBroker(1, 1, Topics.all().toArray(String[]::new));
        KAFKA.afterPropertiesSet();
        MONGO = new MongoServer(new MemoryBackend());
        MONGO_URI = MONGO.bindAndGetConnectionString();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            MONGO.shutdownNow();
            KAFKA.destroy();
        }));
    }

    private TestInfrastructure() {
    }
}
