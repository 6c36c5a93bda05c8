package org.cameraregistry.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.cameraregistry.chassis.events.DeadLetterErrorHandler;
import org.cameraregistry.notification.NotificationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * notification-service's listeners treat failures as every service's do ({@link DeadLetterErrorHandler}),
 * and an email whose attempts were spent (the mailer retried it already) goes straight to
 * {@code <topic>.notification.dlq} too. What is retried, then dead-lettered: an account whose
 * contact details have not arrived yet, an email another instance is sending. Replaying a dead
 * letter sends the email if it was never sent.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetters {

    @Bean
    DefaultErrorHandler deadLetterOnFailure(KafkaTemplate<String, byte[]> kafka, NotificationProperties properties,
            MeterRegistry meters) {
        NotificationProperties.Events events = properties.events();
        return DeadLetterErrorHandler.create(kafka, events.group(), events.retries(), events.maxBackoff(),
                List.of(RetriesSpentException.class), meters);
    }
}
