package org.cameraregistry.geo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.cameraregistry.chassis.mongo.MongoPingHealthIndicator;
import org.cameraregistry.events.EventCodec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Finds the cameras near a place: an in-memory spatial index kept in step with camera events. */
@SpringBootApplication
public class GeoSearchApplication {

    public static void main(String[] args) {
        SpringApplication.run(GeoSearchApplication.class, args);
    }

    /** geo-search's own database; no other service reads it. */
    @Bean
    MongoDatabase geoSearchDatabase(MongoClient client, @Value("${spring.mongodb.database}") String name) {
        return client.getDatabase(name);
    }

    /** Replaces Spring Boot's MongoDB health check (see {@link MongoPingHealthIndicator}). */
    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(MongoDatabase geoSearchDatabase) {
        return new MongoPingHealthIndicator(geoSearchDatabase);
    }

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }
}
