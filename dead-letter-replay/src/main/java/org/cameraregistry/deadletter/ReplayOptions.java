package org.cameraregistry.deadletter;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.cameraregistry.events.Topics;

/**
 * What to replay, and where Kafka is.
 *
 * @param deadLetterTopic {@code <topic>.<group>.dlq}
 * @param sourceTopic     the topic its dead letters came from and go back to
 * @param offsets         the dead letters to replay, by partition and offset; empty for all of them
 * @param dryRun          list what would be replayed, and send nothing
 * @param kafka           the Kafka clients' settings: bootstrap servers, and security where the cluster wants it
 */
record ReplayOptions(String deadLetterTopic, String sourceTopic, Set<Offset> offsets, boolean dryRun, Properties kafka) {

    static final String USAGE = """
            Usage: java -jar dead-letter-replay-exec.jar --bootstrap-servers=HOST:PORT --topic=<topic>.<group>.dlq
                       (--all | --offsets=PARTITION:OFFSET[,PARTITION:OFFSET...]) [--dry-run] [--kafka-config=FILE]

            Sends dead letters back to the topic they came from, with their key, value and headers (but for
            the kafka_dlt-* ones that say why they failed), once what made them fail is mended. Every consumer
            of that topic reads them again; the platform's consumers ignore what they have already applied.
              --all             every dead letter now in the topic
              --offsets=...     only these, such as 0:12,2:40 (kcat and the dead letters' listing show them)
              --dry-run         list what would be sent, and send nothing
              --kafka-config    a Kafka client properties file (security.protocol, sasl.*, ssl.*)
            """;

    /** One dead letter's place. */
    record Offset(int partition, long offset) {

        TopicPartition in(String topic) {
            return new TopicPartition(topic, partition);
        }

        @Override
        public String toString() {
            return partition + ":" + offset;
        }
    }

    static ReplayOptions parse(String... arguments) {
        String topic = null;
        String bootstrapServers = null;
        Path kafkaConfig = null;
        Set<Offset> offsets = new LinkedHashSet<>();
        boolean all = false;
        boolean dryRun = false;
        for (String argument : arguments) {
            String value = argument.contains("=") ? argument.substring(argument.indexOf('=') + 1) : null;
            switch (argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument) {
                case "--topic" -> topic = value;
                case "--bootstrap-servers" -> bootstrapServers = value;
                case "--kafka-config" -> kafkaConfig = Path.of(value);
                case "--offsets" -> offsets.addAll(offsets(value));
                case "--all" -> all = true;
                case "--dry-run" -> dryRun = true;
                default -> throw new IllegalArgumentException("Unknown argument " + argument + "\n\n" + USAGE);
            }
        }
        if (topic == null || bootstrapServers == null) {
            throw new IllegalArgumentException("--topic and --bootstrap-servers are required\n\n" + USAGE);
        }
        if (all == !offsets.isEmpty()) {
            throw new IllegalArgumentException("Say which dead letters: --all, or --offsets=..., not both\n\n" + USAGE);
        }
        String deadLetterTopic = topic;
        String source = sourceOf(deadLetterTopic).orElseThrow(() -> new IllegalArgumentException(
                "--topic=" + deadLetterTopic + " is not a dead-letter topic of the platform (<topic>.<group>.dlq, such as "
                        + Topics.deadLetter(Topics.CAMERA_REGISTERED, "geo-search") + ")"));
        Properties kafka = new Properties();
        if (kafkaConfig != null) {
            try (Reader reader = Files.newBufferedReader(kafkaConfig)) {
                kafka.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read --kafka-config=" + kafkaConfig, e);
            }
        }
        kafka.put("bootstrap.servers", bootstrapServers);
        return new ReplayOptions(deadLetterTopic, source, Set.copyOf(offsets), dryRun, kafka);
    }

    /** The topic of the platform a dead-letter topic's letters came from: the longest topic name it starts with. */
    static Optional<String> sourceOf(String deadLetterTopic) {
        if (!deadLetterTopic.endsWith(".dlq")) {
            return Optional.empty();
        }
        return Topics.all().stream()
                .filter(topic -> deadLetterTopic.startsWith(topic + ".") && deadLetterTopic.length() > topic.length() + ".dlq".length() + 1)
                .max((first, second) -> Integer.compare(first.length(), second.length()));
    }

    private static Set<Offset> offsets(String list) {
        Set<Offset> offsets = new LinkedHashSet<>();
        for (String place : list.split(",")) {
            String[] partitionAndOffset = place.strip().split(":");
            try {
                if (partitionAndOffset.length != 2) {
                    throw new NumberFormatException();
                }
                Offset offset = new Offset(Integer.parseInt(partitionAndOffset[0]), Long.parseLong(partitionAndOffset[1]));
                if (offset.partition() < 0 || offset.offset() < 0) {
                    throw new NumberFormatException();
                }
                offsets.add(offset);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--offsets takes PARTITION:OFFSET pairs such as 0:12,2:40, not " + place);
            }
        }
        return offsets;
    }

    Map<String, Object> clientSettings() {
        return kafka.entrySet().stream().collect(Collectors.toMap(entry -> entry.getKey().toString(), Map.Entry::getValue));
    }
}
