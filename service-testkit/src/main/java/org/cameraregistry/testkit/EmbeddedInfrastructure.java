package org.cameraregistry.testkit;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker (KRaft) and a MongoDB wire-protocol server in the test JVM, started once and
 * shared by every test of the JVM, so that the Spring contexts on top of them can be shared too.
 */
public final class EmbeddedInfrastructure {

    private static EmbeddedInfrastructure started;

    private final EmbeddedKafkaBroker kafka;
    private final MongoServer mongo;
    private final String mongoUri;

    private EmbeddedInfrastructure(List<String> topics) {
        kafka = new EmbeddedKafkaKraftBroker(1, 1, topics.toArray(String[]::new));
        kafka.afterPropertiesSet();
        mongo = new MongoServer(new MemoryBackend());
        mongoUri = mongo.bindAndGetConnectionString();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.shutdownNow();
            kafka.destroy();
        }, "embedded-infrastructure-shutdown"));
    }

    /** The JVM's infrastructure, started on first use with these topics created. */
    public static synchronized EmbeddedInfrastructure withTopics(List<String> topics) {
        if (started == null) {
            started = new EmbeddedInfrastructure(topics);
        } else {
            String[] missing = topics.stream().filter(topic -> !started.kafka.getTopics().contains(topic))
                    .toArray(String[]::new);
            if (missing.length > 0) {
                started.kafka.addTopics(missing);
            }
        }
        return started;
    }

    public String kafkaBrokers() {
        return kafka.getBrokersAsString();
    }

    public String mongoUri() {
        return mongoUri;
    }
}
