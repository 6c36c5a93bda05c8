package org.cameraregistry.identity.signingkey;

import org.cameraregistry.chassis.mongo.MongoStartup;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** A key before the first token; then, every {@code check-every}, the keys re-read, rotated and pruned. */
@Configuration(proxyBeanMethods = false)
class SigningKeyMaintenance {

    private final SigningKeys keys;

    SigningKeyMaintenance(SigningKeys keys) {
        this.keys = keys;
    }

    @Bean
    ApplicationRunner firstSigningKey(MongoStartup startup) {
        return startup.whenReachable("Reading the token signing keys", keys::ensureOne);
    }

    @Scheduled(fixedDelayString = "${identity.signing-keys.check-every:PT30S}",
            initialDelayString = "${identity.signing-keys.check-every:PT30S}")
    void maintain() {
        keys.maintain();
    }
}
