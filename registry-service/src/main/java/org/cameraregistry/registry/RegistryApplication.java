package org.cameraregistry.registry;

import java.time.Clock;
import org.cameraregistry.events.EventCodec;
import org.cameraregistry.outbox.OutboxSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Owners' cameras: registration, change and deletion, published as events through an outbox. */
@SpringBootApplication
@EnableConfigurationProperties(RegistryProperties.class)
public class RegistryApplication {

    public static void main(String[] args) {
        SpringApplication.run(RegistryApplication.class, args);
    }

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    /** The registry's outboxes are relayed with its settings ({@code registry.outbox.*}). */
    @Bean
    OutboxSettings outboxSettings(RegistryProperties properties) {
        return properties.outbox();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
