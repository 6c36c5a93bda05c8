package org.cameraregistry.deadletter;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Reads a dead-letter topic from its beginning to its end as it is when the replay starts (with no
 * consumer group: it commits nothing, and the topic keeps its letters), and sends the chosen ones
 * back to their topic: key, value and headers as they were, without the {@code kafka_dlt-*} headers
 * that say why they failed, and with {@code replayed-from} saying where they were parked. The key
 * sends each to the partition it first went to, so that order per camera or account holds.
 */
final class DeadLetterReplay {

    /** The header that says where a replayed event was parked: {@code <dead-letter topic>:<partition>:<offset>}. */
    static final String REPLAYED_FROM = "replayed-from";
    private static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    private static final String DEAD_LETTER_HEADERS = "kafka_dlt-";
    private static final Duration POLL = Duration.ofMillis(500);

    private final ReplayOptions options;
    private final PrintStream out;

    DeadLetterReplay(ReplayOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** The dead letters replayed (or, on a dry run, that would be). */
    List<ReplayOptions.Offset> run() {
        List<ConsumerRecord<byte[], byte[]>> chosen = chosenDeadLetters();
        List<ReplayOptions.Offset> replayed = new ArrayList<>();
        if (options.dryRun()) {
            chosen.forEach(letter -> {
                out.println("would replay " + describe(letter));
                replayed.add(new ReplayOptions.Offset(letter.partition(), letter.offset()));
            });
            out.println(chosen.size() + " dead letters would be sent back to " + options.sourceTopic() + " (dry run: none was)");
            return replayed;
        }
        Map<String, Object> settings = new HashMap<>(options.clientSettings());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ConsumerRecord<byte[], byte[]> letter : chosen) {
                RecordMetadata sent = producer.send(new ProducerRecord<>(options.sourceTopic(), null, letter.key(), letter.value(),
                        replayedHeaders(letter))).get();
                replayed.add(new ReplayOptions.Offset(letter.partition(), letter.offset()));
                out.println("replayed " + describe(letter) + " -> " + sent.topic() + " " + sent.partition() + ":" + sent.offset());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused a replayed event after " + replayed.size() + " were sent ("
                    + e.getCause().getMessage() + "); the rest were not sent", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted after " + replayed.size() + " were sent", e);
        }
        out.println(replayed.size() + " dead letters sent back to " + options.sourceTopic());
        return replayed;
    }

    private List<ConsumerRecord<byte[], byte[]>> chosenDeadLetters() {
        Map<String, Object> settings = new HashMap<>(options.clientSettings());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Asking for a dead-letter topic that does not exist must not make it.
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        List<ConsumerRecord<byte[], byte[]>> chosen = new ArrayList<>();
        Set<ReplayOptions.Offset> wanted = new TreeSet<>((first, second) -> first.partition() != second.partition()
                ? Integer.compare(first.partition(), second.partition()) : Long.compare(first.offset(), second.offset()));
        wanted.addAll(options.offsets());
        boolean every = options.offsets().isEmpty();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(options.deadLetterTopic(), Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalArgumentException(options.deadLetterTopic() + " does not exist: nothing was ever parked there");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            ends.values().removeIf(end -> end == 0);
            partitions.forEach(partition -> {
                if (!ends.containsKey(partition)) {
                    consumer.pause(List.of(partition));
                }
            });
            while (!ends.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> letter : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(letter.topic(), letter.partition());
                    Long end = ends.get(partition);
                    if (end == null || letter.offset() >= end) {
                        continue;
                    }
                    if (every || wanted.remove(new ReplayOptions.Offset(letter.partition(), letter.offset()))) {
                        checkOrigin(letter);
                        chosen.add(letter);
                    }
                    if (letter.offset() + 1 >= end) {
                        ends.remove(partition);
                        consumer.pause(List.of(partition));
                    }
                }
                // A position past the last record (a transaction marker, or compacted away) ends the partition too.
                ends.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
            }
        }
        if (!wanted.isEmpty()) {
            throw new IllegalArgumentException("No dead letter at " + wanted + " in " + options.deadLetterTopic()
                    + "; nothing was sent");
        }
        return chosen;
    }

    /** A letter that says it came from another topic than this dead-letter topic's is not sent anywhere. */
    private void checkOrigin(ConsumerRecord<byte[], byte[]> letter) {
        Header origin = letter.headers().lastHeader(ORIGINAL_TOPIC);
        if (origin != null && !new String(origin.value(), StandardCharsets.UTF_8).equals(options.sourceTopic())) {
            throw new IllegalStateException("The dead letter at " + letter.partition() + ":" + letter.offset() + " came from "
                    + new String(origin.value(), StandardCharsets.UTF_8) + ", not " + options.sourceTopic() + "; nothing was sent");
        }
    }

    private RecordHeaders replayedHeaders(ConsumerRecord<byte[], byte[]> letter) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : letter.headers()) {
            if (!header.key().startsWith(DEAD_LETTER_HEADERS)) {
                headers.add(header);
            }
        }
        headers.add(REPLAYED_FROM, (letter.topic() + ":" + letter.partition() + ":" + letter.offset()).getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static String describe(ConsumerRecord<byte[], byte[]> letter) {
        Header reason = letter.headers().lastHeader("kafka_dlt-exception-message");
        return letter.partition() + ":" + letter.offset() + " key=" + (letter.key() == null ? "-" : new String(letter.key(), StandardCharsets.UTF_8))
                + (reason == null ? "" : " (parked because: " + new String(reason.value(), StandardCharsets.UTF_8) + ")");
    }
}
