package org.cameraregistry.geo.camera;

import com.mongodb.client.MongoDatabase;
import org.cameraregistry.chassis.mongo.MongoStartup;
import org.cameraregistry.geo.GeoSearchProperties;
import org.cameraregistry.geo.index.CameraIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CameraIndexConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CameraIndexConfiguration.class);

    @Bean
    CameraIndex cameraIndex(GeoSearchProperties properties) {
        return new CameraIndex(properties.nearest().farthestMeters());
    }

    @Bean
    CameraStore cameraStore(MongoDatabase serviceDatabase) {
        return new CameraStore(serviceDatabase);
    }

    @Bean
    CameraIndexer cameraIndexer(CameraStore cameraStore, CameraIndex cameraIndex) {
        return new CameraIndexer(cameraStore, cameraIndex);
    }

    /** Rebuilds the index from the collection before the service reports ready, waiting for MongoDB if it starts later. */
    @Bean
    ApplicationRunner loadCameraIndex(MongoStartup mongoStartup, CameraIndexer indexer, ApplicationEventPublisher events) {
        return mongoStartup.whenReachable("loading the camera index", () -> {
            long started = System.nanoTime();
            int loaded = indexer.loadIndex();
            log.info("camera index loaded: {} cameras in {} ms", loaded, (System.nanoTime() - started) / 1_000_000);
            events.publishEvent(new CameraIndexLoaded(loaded));
        });
    }
}
