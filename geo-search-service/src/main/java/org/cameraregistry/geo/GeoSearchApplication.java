package org.cameraregistry.geo;

import org.cameraregistry.events.EventCodec;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Finds the cameras near a place: an in-memory spatial index kept in step with camera events. */
@SpringBootApplication
@EnableConfigurationProperties(GeoSearchProperties.class)
public class GeoSearchApplication {

    public static void main(String[] args) {
        SpringApplication.run(GeoSearchApplication.class, args);
    }

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }
}
