package org.cameraregistry.registry;

import java.time.Clock;
import org.cameraregistry.events.EventCodec;
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

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
