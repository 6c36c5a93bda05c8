package org.cameraregistry.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cameraregistry.chassis.events.DeadLetterErrorHandler;
import org.cameraregistry.events.Topics;
import org.cameraregistry.testkit.EmbeddedInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

/**
 * End to end on a real broker: a consumer with the services' dead-letter handling parks the events
 * it fails on (a bug), the bug is mended, and the command sends chosen dead letters, then all of
 * them, back to their topic, where the consumer processes them; a dry run and a mistaken offset
 * send nothing.
 */
class DeadLetterReplayIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    private final EmbeddedInfrastructure kafka = EmbeddedInfrastructure.withTopics(Topics.all());
    private final String group = "replay-" + UUID.randomUUID().toString().substring(0, 8);
    private final String deadLetterTopic = Topics.deadLetter(Topics.CAMERA_REGISTERED, group);
    private final AtomicBoolean mended = new AtomicBoolean();
    private final List<String> processed = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private KafkaMessageListenerContainer<String, byte[]> consumer;

    @BeforeEach
    void startTheConsumer() {
        Map<String, Object> settings = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.kafkaBrokers(),
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        ContainerProperties properties = new ContainerProperties(Topics.CAMERA_REGISTERED);
        properties.setMessageListener((MessageListener<String, byte[]>) record -> {
            if (!mended.get()) {
                throw new IllegalStateException("a bug, mended later");
            }
            processed.add(record.key());
        });
        consumer = new KafkaMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer()), properties);
        KafkaTemplate<String, byte[]> deadLetters = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.kafkaBrokers()), new StringSerializer(), new ByteArraySerializer()));
        consumer.setCommonErrorHandler(DeadLetterErrorHandler.create(deadLetters, group, 0, Duration.ofSeconds(1), List.of(), meters));
        consumer.start();
        awaitAssigned();
    }

    @AfterEach
    void stopTheConsumer() {
        consumer.stop();
    }

    @Test
    void chosenDeadLettersThenAllOfThemGoBackToTheirTopicAndAreProcessed() throws Exception {
        List<String> keys = List.of(key(), key(), key());
        for (String key : keys) {
            send(key);
        }
        List<ConsumerRecord<byte[], byte[]>> parked = readAll(deadLetterTopic, keys.size());
        assertThat(meters.counter("events.dead_lettered", "topic", Topics.CAMERA_REGISTERED, "group", group).count())
                .as("each counted as it was parked").isEqualTo(keys.size());
        assertThat(parked).extracting(letter -> new String(letter.key(), StandardCharsets.UTF_8)).containsExactlyInAnyOrderElementsOf(keys);
        mended.set(true);

        Map<TopicPartition, Long> before = endOffsets(Topics.CAMERA_REGISTERED);
        ConsumerRecord<byte[], byte[]> second = parked.stream()
                .filter(letter -> new String(letter.key(), StandardCharsets.UTF_8).equals(keys.get(1))).findFirst().orElseThrow();
        String chosen = second.partition() + ":" + second.offset();
        String dryRun = replay("--offsets=" + chosen, "--dry-run");
        assertThat(dryRun).contains("would replay " + chosen + " key=" + keys.get(1), "parked because:", "a bug, mended later");
        assertThat(endOffsets(Topics.CAMERA_REGISTERED)).as("a dry run sends nothing").isEqualTo(before);

        assertThatIllegalArgumentException().isThrownBy(() -> replay("--offsets=" + chosen + "," + second.partition() + ":9999"))
                .withMessageContaining("No dead letter at [" + second.partition() + ":9999]");
        assertThat(endOffsets(Topics.CAMERA_REGISTERED)).as("a mistaken offset sends nothing").isEqualTo(before);

        replay("--offsets=" + chosen);
        List<ConsumerRecord<byte[], byte[]>> resent = readFrom(Topics.CAMERA_REGISTERED, before);
        assertThat(resent).as("exactly the chosen letter went back").hasSize(1);
        ConsumerRecord<byte[], byte[]> replayed = resent.getFirst();
        assertThat(new String(replayed.key(), StandardCharsets.UTF_8)).isEqualTo(keys.get(1));
        assertThat(replayed.value()).isEqualTo(second.value());
        assertThat(header(replayed, "traceparent")).as("its own headers kept").isEqualTo("00-trace-" + keys.get(1));
        assertThat(header(replayed, DeadLetterReplay.REPLAYED_FROM)).isEqualTo(deadLetterTopic + ":" + chosen);
        assertThat(replayed.headers()).noneMatch(header -> header.key().startsWith("kafka_dlt-"));
        awaitProcessed(List.of(keys.get(1)));

        replay("--all");
        awaitProcessed(List.of(keys.get(1), keys.get(0), keys.get(1), keys.get(2)));
        assertThat(readAll(deadLetterTopic, keys.size())).as("the dead letters stay where they were").hasSize(keys.size());
    }

    @Test
    void aDeadLetterTopicThatDoesNotExistIsSaidSoAndNotMade() {
        String never = Topics.deadLetter(Topics.CAMERA_UPDATED, "never-" + UUID.randomUUID().toString().substring(0, 8));
        ReplayOptions options = ReplayOptions.parse("--bootstrap-servers=" + kafka.kafkaBrokers(), "--topic=" + never, "--all", "--dry-run");

        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThatIllegalArgumentException().as("attempt %d", attempt)
                    .isThrownBy(() -> new DeadLetterReplay(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run())
                    .withMessageContaining(never + " does not exist");
        }
    }

    private String replay(String... choice) {
        List<String> arguments = new ArrayList<>(List.of("--bootstrap-servers=" + kafka.kafkaBrokers(), "--topic=" + deadLetterTopic));
        arguments.addAll(List.of(choice));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        new DeadLetterReplay(ReplayOptions.parse(arguments.toArray(String[]::new)), new PrintStream(output, true, StandardCharsets.UTF_8)).run();
        return output.toString(StandardCharsets.UTF_8);
    }

    private void send(String key) throws Exception {
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.kafkaBrokers()), new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> event = new ProducerRecord<>(Topics.CAMERA_REGISTERED, key, ("event of " + key).getBytes(StandardCharsets.UTF_8));
            event.headers().add("traceparent", ("00-trace-" + key).getBytes(StandardCharsets.UTF_8));
            producer.send(event).get();
        }
    }

    private void awaitProcessed(List<String> expected) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (processed.size() < expected.size() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(processed).containsExactlyInAnyOrderElementsOf(expected);
    }

    private void awaitAssigned() {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (consumer.getAssignedPartitions() == null || consumer.getAssignedPartitions().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the consumer was given no partition");
            }
            Thread.onSpinWait();
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        List<ConsumerRecord<byte[], byte[]>> records = readFrom(topic, Map.of());
        while (records.size() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(200);
            records = readFrom(topic, Map.of());
        }
        return records;
    }

    /** Every record of the topic from these offsets (the beginning where none is given) to its end offsets now. */
    private List<ConsumerRecord<byte[], byte[]>> readFrom(String topic, Map<TopicPartition, Long> from) {
        try (KafkaConsumer<byte[], byte[]> reader = reader()) {
            List<TopicPartition> partitions = reader.partitionsFor(topic, WITHIN).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            reader.assign(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(reader.endOffsets(partitions));
            partitions.forEach(partition -> reader.seek(partition, from.getOrDefault(partition, 0L)));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + WITHIN.toNanos();
            while (partitions.stream().anyMatch(partition -> reader.position(partition) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end offsets " + ends);
                }
                reader.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private Map<TopicPartition, Long> endOffsets(String topic) {
        try (KafkaConsumer<byte[], byte[]> reader = reader()) {
            List<TopicPartition> partitions = reader.partitionsFor(topic, WITHIN).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            return reader.endOffsets(partitions);
        }
    }

    private KafkaConsumer<byte[], byte[]> reader() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.kafkaBrokers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
