package org.cameraregistry.registry.account;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.cameraregistry.chassis.events.DeadLetterErrorHandler;
import org.cameraregistry.registry.RegistryProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

/** The registry's listeners treat failures as every service's do ({@link DeadLetterErrorHandler}). */
@Configuration(proxyBeanMethods = false)
class EventFailures {

    @Bean
    DefaultErrorHandler deadLetterOnFailure(KafkaTemplate<String, byte[]> kafka, RegistryProperties properties,
            MeterRegistry meters) {
        RegistryProperties.Events events = properties.events();
        return DeadLetterErrorHandler.create(kafka, events.group(), events.retries(), events.maxBackoff(), List.of(), meters);
    }
}
