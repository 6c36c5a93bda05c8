package org.cameraregistry.registry.pairing;

import com.mongodb.client.MongoDatabase;
import org.cameraregistry.chassis.mongo.MongoStartup;
import org.cameraregistry.chassis.security.ApiAccess;
import org.cameraregistry.registry.RegistryProperties;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The pairing codes' store, and the one path the registry opens to callers without a token: a device pairing. */
@Configuration(proxyBeanMethods = false)
class PairingConfiguration {

    @Bean
    PairingCodes pairingCodes(MongoDatabase serviceDatabase, RegistryProperties properties) {
        return new PairingCodes(serviceDatabase, properties.pairing().codeLifetime());
    }

    /** A relay device has no account: the one-time code it sends is its proof. */
    @Bean
    ApiAccess devicePairingRules() {
        return requests -> requests.requestMatchers(HttpMethod.POST, "/api/device-pairings").permitAll();
    }

    @Bean
    ApplicationRunner preparePairingCodes(MongoStartup mongoStartup, PairingCodes codes) {
        return mongoStartup.whenReachable("preparing the pairing codes", codes::ensureIndexes);
    }
}
