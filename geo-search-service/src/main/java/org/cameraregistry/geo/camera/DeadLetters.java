package org.cameraregistry.geo.camera;

import java.time.Duration;
import org.apache.kafka.common.TopicPartition;
import org.cameraregistry.chassis.mongo.StorageFailures;
import org.cameraregistry.events.InvalidEventException;
import org.cameraregistry.events.Topics;
import org.cameraregistry.geo.GeoSearchProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What happens to an event the listeners cannot process:
 * <ul>
 * <li>one that cannot be read (not JSON, another type, breaks its schema) goes straight to
 * {@code <topic>.<group>.dlq}, such as {@code camera-registered.geo-search.dlq};</li>
 * <li>while geo-search's database is away or failing over, the event is retried without end
 * (backoff growing to {@code max-backoff}): a valid event must not be parked because of an outage,
 * and the events after it wait in order;</li>
 * <li>any other failure, a database that refuses the write included, is retried {@code retries}
 * times, then dead-lettered, so that it cannot hold up its partition for ever.</li>
 * </ul>
 * A dead letter keeps the original key and value and carries the reason in its {@code kafka_dlt-*}
 * headers; the listener goes on with the next event. Every instance consumes every event, so an
 * event no instance can process reaches the dead-letter topic once from each.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetters {

    @Bean
    DefaultErrorHandler deadLetterOnFailure(KafkaTemplate<String, byte[]> kafka,
            GeoSearchProperties properties) {
        String group = properties.events().group();
        int retries = properties.events().retries();
        Duration maxBackoff = properties.events().maxBackoff();
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                // Partition -1: Kafka chooses, so a dead-letter topic needs no more partitions than it has.
                (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic(), group), -1));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, withRetries(retries, maxBackoff));
        handler.addNotRetryableExceptions(InvalidEventException.class);
        BackOff untilTheDatabaseIsBack = untilTheDatabaseIsBack(maxBackoff);
        handler.setBackOffFunction((record, failure) -> StorageFailures.isTransient(failure) ? untilTheDatabaseIsBack : null);
        return handler;
    }

    private static BackOff withRetries(int retries, Duration maxBackoff) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retries);
        backOff.setInitialInterval(500);
        backOff.setMultiplier(2);
        backOff.setMaxInterval(maxBackoff.toMillis());
        return backOff;
    }

    private static BackOff untilTheDatabaseIsBack(Duration maxBackoff) {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
        backOff.setMaxInterval(maxBackoff.toMillis());
        return backOff;
    }
}
