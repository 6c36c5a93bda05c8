package org.cameraregistry.registry.camera;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import org.cameraregistry.chassis.mongo.MongoStartup;
import org.cameraregistry.registry.outbox.Outbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CameraStorageConfiguration {

    @Bean
    CameraRepository cameraRepository(MongoDatabase registryDatabase) {
        return new CameraRepository(registryDatabase);
    }

    @Bean
    Outbox cameraOutbox(CameraRepository cameraRepository) {
        return cameraRepository.outbox();
    }

    /** Prepares the collection before the service reports ready, waiting for MongoDB if it starts later. */
    @Bean
    ApplicationRunner prepareCameraCollection(CameraRepository cameraRepository,
            @Value("${registry.startup.mongodb-timeout:PT5M}") Duration timeout) {
        return MongoStartup.whenReachable("preparing the camera collection", timeout, cameraRepository::ensureIndexes);
    }
}
