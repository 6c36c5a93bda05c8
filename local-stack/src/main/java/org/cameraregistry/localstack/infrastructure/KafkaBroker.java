package org.cameraregistry.localstack.infrastructure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool$;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka broker in this JVM, in KRaft combined mode (one node is broker and controller),
 * keeping its log in a folder so that topics and offsets survive a restart.
 */
public final class KafkaBroker implements AutoCloseable {

    private final KafkaRaftServer server;
    private final int port;

    private KafkaBroker(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static KafkaBroker start(Path logDirectory, int port, int controllerPort) {
        try {
            Files.createDirectories(logDirectory);
            Properties config = config(logDirectory, port, controllerPort);
            formatOnce(logDirectory, config);
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config), Time.SYSTEM);
            server.startup();
            return new KafkaBroker(server, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static Properties config(Path logDirectory, int port, int controllerPort) {
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        config.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("log.dirs", logDirectory.toAbsolutePath().toString());
        config.put("num.partitions", "3");
        // One broker: every internal topic has one replica.
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("auto.create.topics.enable", "true");
        return config;
    }

    /** Formats the log folder the first time; a formatted folder is kept as it is. */
    private static void formatOnce(Path logDirectory, Properties config) throws IOException {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        Path file = logDirectory.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            config.store(out, "local-stack Kafka broker");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool$.MODULE$.execute(new String[] {
                "format", "-t", Uuid.randomUuid().toString(), "-c", file.toString()},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("Could not format the Kafka log folder " + logDirectory + ": "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }
}
