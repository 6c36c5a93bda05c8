package org.cameraregistry.identity;

import java.time.Clock;
import org.cameraregistry.events.EventCodec;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Accounts and sign-in: owners sign up, staff are provisioned or federated; issues the tokens every service checks. */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(IdentityProperties.class)
public class IdentityApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }
}
