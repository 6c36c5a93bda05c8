package org.cameraregistry.chassis.mongo;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service treats its own MongoDB database ({@code spring.mongodb.uri} and
 * {@code spring.mongodb.database} say where it is).
 *
 * @param startupTimeout how long the work a service must do in its database before it is ready
 *                       (indexes, loading a cache) waits for MongoDB before the start fails
 */
@ConfigurationProperties("service.database")
public record ServiceDatabaseProperties(@DefaultValue("PT5M") Duration startupTimeout) {
}
