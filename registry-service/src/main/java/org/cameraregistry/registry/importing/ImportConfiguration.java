package org.cameraregistry.registry.importing;

import com.mongodb.client.MongoDatabase;
import jakarta.validation.Validator;
import java.time.Clock;
import org.cameraregistry.chassis.mongo.MongoStartup;
import org.cameraregistry.registry.camera.CameraService;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** Imports run two at a time per instance, a few more wait; beyond, the owner is asked to send the file again. */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    @Bean
    ImportReports importReports(MongoDatabase serviceDatabase) {
        return new ImportReports(serviceDatabase);
    }

    /** Its threads are its own, not a bean: an Executor bean would stand in for Spring Boot's application executor. */
    @Bean
    CameraImports cameraImports(CameraService cameras, ImportReports reports, Validator validator, Clock clock) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("camera-import-");
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(8);
        executor.initialize();
        return new CameraImports(cameras, reports, validator, executor, clock);
    }

    @Bean
    ApplicationRunner prepareImportReports(MongoStartup mongoStartup, ImportReports reports) {
        return mongoStartup.whenReachable("preparing the import reports", reports::ensureIndexes);
    }
}
