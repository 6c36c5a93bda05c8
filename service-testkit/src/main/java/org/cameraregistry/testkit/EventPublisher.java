package org.cameraregistry.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cameraregistry.events.EventCodec;
import org.cameraregistry.events.EventEnvelope;
import org.cameraregistry.events.EventType;

/**
 * Publishes events as their producers do, each acknowledged before the call returns; or what a
 * broken producer might send; or records read before, again, as a redelivery or a replay.
 */
public final class EventPublisher implements AutoCloseable {

    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, byte[]> producer;

    public EventPublisher(String brokers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** A new event of {@code type} about {@code subject} (also its key) from {@code source}, such as {@code /registry-service}. */
    public <T> EventEnvelope<T> publish(EventType<T> type, String source, String subject, T data) {
        return publishUnderKey(type, source, subject, subject, data);
    }

    /** A new event published under a Kafka key of the caller's choice. */
    public <T> EventEnvelope<T> publishUnderKey(EventType<T> type, String source, String subject, String key, T data) {
        EventEnvelope<T> event = EventEnvelope.create(type, source, subject, now(), data);
        send(type.topic(), key, codec.write(type, event));
        return event;
    }

    /** The very same event once more: a redelivery. */
    public <T> void again(EventType<T> type, EventEnvelope<T> event) {
        send(type.topic(), event.subject(), codec.write(type, event));
    }

    /** Records read from a topic, published again unchanged: a replay. */
    public void replay(List<ConsumerRecord<String, byte[]>> records) {
        records.forEach(record -> send(record.topic(), record.key(), record.value()));
    }

    /** Records read from one topic (a dead-letter topic, say), published unchanged on {@code topic}. */
    public void replayOn(String topic, List<ConsumerRecord<String, byte[]>> records) {
        records.forEach(record -> send(topic, record.key(), record.value()));
    }

    /** Whatever text, as a broken producer might send it. */
    public void raw(String topic, String key, String payload) {
        send(topic, key, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** Now, to the millisecond, as events carry it. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + topic, e);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
