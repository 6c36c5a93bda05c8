package org.cameraregistry.registry.camera;

import com.mongodb.client.MongoDatabase;
import org.cameraregistry.chassis.mongo.MongoStartup;
import org.cameraregistry.registry.RegistryProperties;
import org.cameraregistry.registry.idempotency.IdempotencyKeys;
import org.cameraregistry.outbox.Outbox;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CameraStorageConfiguration {

    @Bean
    CameraRepository cameraRepository(MongoDatabase serviceDatabase, RegistryProperties properties) {
        return new CameraRepository(serviceDatabase, properties.outbox().maxWaitingPerDocument());
    }

    @Bean
    Outbox cameraOutbox(CameraRepository cameraRepository) {
        return cameraRepository.outbox();
    }

    @Bean
    IdempotencyKeys idempotencyKeys(MongoDatabase serviceDatabase, RegistryProperties properties) {
        return new IdempotencyKeys(serviceDatabase, properties.idempotency().keyLifetime());
    }

    @Bean
    ErasedOwners erasedOwners(MongoDatabase serviceDatabase, RegistryProperties properties) {
        return new ErasedOwners(serviceDatabase, properties.erasure().rememberOwners());
    }

    /** Prepares the collections before the service reports ready, waiting for MongoDB if it starts later. */
    @Bean
    ApplicationRunner prepareCameraCollections(MongoStartup mongoStartup, CameraRepository cameraRepository,
            IdempotencyKeys idempotencyKeys, ErasedOwners erasedOwners) {
        return mongoStartup.whenReachable("preparing the camera collections", () -> {
            cameraRepository.ensureIndexes();
            idempotencyKeys.ensureIndexes();
            erasedOwners.ensureIndexes();
        });
    }
}
