package org.cameraregistry.chassis.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A service's own MongoDB database, for a service that has one (it depends on
 * spring-boot-starter-mongodb): the database as a bean, its health by {@code ping}, and
 * {@link MongoStartup} for the work to do in it before the service is ready.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")
@ConditionalOnBean(MongoClient.class)
@EnableConfigurationProperties(ServiceDatabaseProperties.class)
public class ServiceDatabaseAutoConfiguration {

    /** The service's own database; no other service reads it. */
    @Bean
    MongoDatabase serviceDatabase(MongoClient client, @Value("${spring.mongodb.database}") String name) {
        return client.getDatabase(name);
    }

    /** Named as Spring Boot's own check, which it replaces (see {@link MongoPingHealthIndicator}). */
    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(MongoDatabase serviceDatabase) {
        return new MongoPingHealthIndicator(serviceDatabase);
    }

    @Bean
    MongoStartup mongoStartup(ServiceDatabaseProperties properties) {
        return new MongoStartup(properties.startupTimeout());
    }
}
