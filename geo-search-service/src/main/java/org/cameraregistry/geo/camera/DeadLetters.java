package org.cameraregistry.geo.camera;

import java.time.Duration;
import org.apache.kafka.common.TopicPartition;
import org.cameraregistry.events.InvalidEventException;
import org.cameraregistry.events.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * What happens to an event the listeners cannot process. One that cannot be read (not JSON, another
 * type, breaks its schema) goes straight to {@code <topic>.geo-search.dlq}; any other failure (the
 * database away, say) is retried with an exponential backoff first. The dead letter keeps the
 * original key and value and carries the reason in its {@code kafka_dlt-*} headers, and the
 * listener goes on with the next event.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetters {

    @Bean
    DefaultErrorHandler deadLetterOnFailure(KafkaTemplate<String, byte[]> kafka,
            @Value("${geo-search.events.retries:4}") int retries,
            @Value("${geo-search.events.max-backoff:PT10S}") Duration maxBackoff) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                // Partition -1: Kafka chooses, so a dead-letter topic needs no more partitions than it has.
                (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic(), CameraEventListener.GROUP), -1));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retries);
        backOff.setInitialInterval(500);
        backOff.setMultiplier(2);
        backOff.setMaxInterval(maxBackoff.toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class);
        return handler;
    }
}
