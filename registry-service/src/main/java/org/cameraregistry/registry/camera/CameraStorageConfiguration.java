package org.cameraregistry.registry.camera;

import com.mongodb.client.MongoDatabase;
import org.cameraregistry.chassis.mongo.MongoStartup;
import org.cameraregistry.registry.RegistryProperties;
import org.cameraregistry.registry.outbox.Outbox;
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

    /** Prepares the collection before the service reports ready, waiting for MongoDB if it starts later. */
    @Bean
    ApplicationRunner prepareCameraCollection(MongoStartup mongoStartup, CameraRepository cameraRepository) {
        return mongoStartup.whenReachable("preparing the camera collection", cameraRepository::ensureIndexes);
    }
}
