package org.cameraregistry.registry;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.cameraregistry.chassis.mongo.MongoPingHealthIndicator;
import org.cameraregistry.events.EventCodec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Owners' cameras: registration, change and deletion, published as events through an outbox. */
@SpringBootApplication
public class RegistryApplication {

    public static void main(String[] args) {
        SpringApplication.run(RegistryApplication.class, args);
    }

    /** The registry's own database; no other service reads it. */
    @Bean
    MongoDatabase registryDatabase(MongoClient client, @Value("${spring.mongodb.database}") String name) {
        return client.getDatabase(name);
    }

    /** Replaces Spring Boot's MongoDB health check (see {@link MongoPingHealthIndicator}). */
    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(MongoDatabase registryDatabase) {
        return new MongoPingHealthIndicator(registryDatabase);
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
