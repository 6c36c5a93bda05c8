package org.cameraregistry.geo.camera;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import org.cameraregistry.chassis.mongo.MongoStartup;
import org.cameraregistry.geo.index.CameraIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CameraIndexConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CameraIndexConfiguration.class);

    @Bean
    CameraIndex cameraIndex(@Value("${geo-search.nearest.farthest-meters:100000}") double farthestNearestMeters) {
        return new CameraIndex(farthestNearestMeters);
    }

    @Bean
    CameraIndexer cameraIndexer(MongoDatabase geoSearchDatabase, CameraIndex cameraIndex) {
        return new CameraIndexer(new CameraStore(geoSearchDatabase), cameraIndex);
    }

    /** Rebuilds the index from the collection before the service reports ready, waiting for MongoDB if it starts later. */
    @Bean
    ApplicationRunner loadCameraIndex(CameraIndexer indexer,
            @Value("${geo-search.startup.mongodb-timeout:PT5M}") Duration timeout) {
        return MongoStartup.whenReachable("loading the camera index", timeout, () -> {
            long started = System.nanoTime();
            int loaded = indexer.loadIndex();
            log.info("camera index loaded: {} cameras in {} ms", loaded, (System.nanoTime() - started) / 1_000_000);
        });
    }
}
