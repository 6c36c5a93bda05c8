package org.cameraregistry.identity.account;

import org.cameraregistry.chassis.mongo.MongoStartup;
import org.cameraregistry.identity.IdentityProperties;
import org.cameraregistry.identity.onetime.OneTimeLinks;
import org.cameraregistry.identity.signin.SignInThrottle;
import org.cameraregistry.outbox.Outbox;
import org.cameraregistry.outbox.OutboxSettings;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The accounts' outbox, relayed with {@code identity.outbox.*}, and the collections prepared before the service is ready. */
@Configuration(proxyBeanMethods = false)
class AccountStorageConfiguration {

    @Bean
    Outbox accountOutbox(AccountStore accounts) {
        return accounts.outbox();
    }

    @Bean
    OutboxSettings outboxSettings(IdentityProperties properties) {
        return properties.outbox();
    }

    @Bean
    ApplicationRunner prepareAccountCollections(MongoStartup startup, AccountStore accounts, OneTimeLinks links,
            SignInThrottle throttle) {
        return startup.whenReachable("Preparing the account collections", () -> {
            accounts.ensureIndexes();
            links.ensureIndexes();
            throttle.ensureIndexes();
        });
    }
}
