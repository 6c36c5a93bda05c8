package org.cameraregistry.geo.camera;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.cameraregistry.chassis.events.DeadLetterErrorHandler;
import org.cameraregistry.geo.GeoSearchProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * geo-search's listeners treat failures as every service's do ({@link DeadLetterErrorHandler}): an
 * unreadable event goes to {@code <topic>.<group>.dlq} at once, a database outage is waited out,
 * anything else (a database that refuses the write) is retried, then dead-lettered. Every instance
 * consumes every event, so an event no instance can process reaches the dead-letter topic once
 * from each.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetters {

    @Bean
    DefaultErrorHandler deadLetterOnFailure(KafkaTemplate<String, byte[]> kafka, GeoSearchProperties properties,
            MeterRegistry meters) {
        GeoSearchProperties.Events events = properties.events();
        return DeadLetterErrorHandler.create(kafka, events.group(), events.retries(), events.maxBackoff(), List.of(), meters);
    }
}
