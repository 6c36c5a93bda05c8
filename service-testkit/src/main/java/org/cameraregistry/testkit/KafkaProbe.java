package org.cameraregistry.testkit;


import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** Reads what reached some topics, from their beginning, as any consumer would. */
public final class KafkaProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public KafkaProbe(String brokers, String... topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Waits until at least {@code count} records keyed {@code key} arrived on {@code topic}. */
    public List<ConsumerRecord<String, byte[]>> await(String topic, String key, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> records(topic, key).size() >= count);
        return records(topic, key);
    }

    /** The records keyed {@code key} on {@code topic} that arrived so far. */
    public List<ConsumerRecord<String, byte[]>> records(String topic, String key) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen.stream()
                .filter(record -> record.topic().equals(topic) && key.equals(record.key()))
                .toList();
    }

    /** Every record keyed {@code key} on {@code topic} up to what the topics hold now, however many polls that takes. */
    public List<ConsumerRecord<String, byte[]>> recordsUpToNow(String topic, String key) {
        return recordsUpToNow(topic).stream().filter(record -> key.equals(record.key())).toList();
    }

    /** Every record on {@code topic} up to what the topics hold now, however many polls that takes. */
    public List<ConsumerRecord<String, byte[]>> recordsUpToNow(String topic) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return seen.stream().filter(record -> record.topic().equals(topic)).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
