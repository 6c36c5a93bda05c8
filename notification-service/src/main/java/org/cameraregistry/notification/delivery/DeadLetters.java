package org.cameraregistry.notification.delivery;

import java.time.Duration;
import org.apache.kafka.common.TopicPartition;
import org.cameraregistry.chassis.mongo.StorageFailures;
import org.cameraregistry.events.InvalidEventException;
import org.cameraregistry.events.Topics;
import org.cameraregistry.notification.NotificationProperties;
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
 * <li>one that cannot be read, or whose email kept failing until its attempts were spent (the
 * mailer retried it already), goes straight to {@code <topic>.notification.dlq};</li>
 * <li>while the database is away or failing over, the event is retried without end;</li>
 * <li>anything else (an account whose contact details have not arrived yet, an email another
 * instance is sending) is retried {@code notification.events.retries} times, then dead-lettered.</li>
 * </ul>
 * A dead letter keeps the original key and value and carries the reason in its {@code kafka_dlt-*}
 * headers; replaying it sends the email if it was never sent.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetters {

    @Bean
    DefaultErrorHandler deadLetterOnFailure(KafkaTemplate<String, byte[]> kafka, NotificationProperties properties) {
        NotificationProperties.Events events = properties.events();
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic(), events.group()), -1));
        ExponentialBackOffWithMaxRetries withRetries = new ExponentialBackOffWithMaxRetries(events.retries());
        withRetries.setInitialInterval(500);
        withRetries.setMultiplier(2);
        withRetries.setMaxInterval(events.maxBackoff().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, withRetries);
        handler.addNotRetryableExceptions(InvalidEventException.class, RetriesSpentException.class);
        BackOff untilTheDatabaseIsBack = untilTheDatabaseIsBack(events.maxBackoff());
        handler.setBackOffFunction((record, failure) -> StorageFailures.isTransient(failure) ? untilTheDatabaseIsBack : null);
        return handler;
    }

    private static BackOff untilTheDatabaseIsBack(Duration maxBackoff) {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
        backOff.setMaxInterval(maxBackoff.toMillis());
        return backOff;
    }
}
