package org.cameraregistry.chassis.events;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.cameraregistry.chassis.mongo.StorageFailures;
import org.cameraregistry.events.InvalidEventException;
import org.cameraregistry.events.Topics;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What every service's event listeners do with an event they cannot process:
 * <ul>
 * <li>one that cannot be read (not JSON, another type, breaks its schema), or fails in a way no
 * retry mends, goes straight to {@code <topic>.<group>.dlq}, such as {@code camera-registered.geo-search.dlq};</li>
 * <li>while the service's database is away or failing over, the event is retried without end
 * (backoff growing to {@code maxBackoff}): a valid event must not be parked because of an outage,
 * and the events after it wait in order;</li>
 * <li>any other failure is retried {@code retries} times, then dead-lettered, so that it cannot
 * hold up its partition for ever.</li>
 * </ul>
 * A dead letter keeps the original key and value and carries the reason in its {@code kafka_dlt-*}
 * headers; the listener goes on with the next event. Each is counted in {@code events.dead_lettered},
 * by topic and consumer group, which an alert watches.
 */
public final class DeadLetterErrorHandler {

    private DeadLetterErrorHandler() {
    }

    /**
     * @param group        the consumer, which names the dead-letter topics
     * @param notRetryable failures besides an unreadable event that go straight to the dead-letter topic
     */
    public static DefaultErrorHandler create(KafkaOperations<?, ?> kafka, String group, int retries, Duration maxBackoff,
            List<Class<? extends Exception>> notRetryable, MeterRegistry meters) {
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(kafka,
                // Partition -1: Kafka chooses, so a dead-letter topic needs no more partitions than it has.
                (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic(), group), -1));
        ConsumerRecordRecoverer recoverer = (record, failure) -> {
            publisher.accept(record, failure);
            meters.counter("events.dead_lettered", "topic", record.topic(), "group", group).increment();
        };
        ExponentialBackOffWithMaxRetries withRetries = new ExponentialBackOffWithMaxRetries(retries);
        withRetries.setInitialInterval(500);
        withRetries.setMultiplier(2);
        withRetries.setMaxInterval(maxBackoff.toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, withRetries);
        handler.addNotRetryableExceptions(InvalidEventException.class);
        notRetryable.forEach(handler::addNotRetryableExceptions);
        ExponentialBackOff untilTheDatabaseIsBack = new ExponentialBackOff(500, 2);
        untilTheDatabaseIsBack.setMaxInterval(maxBackoff.toMillis());
        BackOff outage = untilTheDatabaseIsBack;
        handler.setBackOffFunction((record, failure) -> StorageFailures.isTransient(failure) ? outage : null);
        return handler;
    }
}
