package org.cameraregistry.registry;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Reports the registry's database as "mongo" in health and readiness. It pings rather than sends
 * Spring Boot's {@code hello}, which every MongoDB answers but the embedded wire server does not.
 */
@Component("mongoHealthIndicator")
class DatabaseHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase database;

    DatabaseHealthIndicator(MongoDatabase registryDatabase) {
        super("MongoDB ping failed");
        this.database = registryDatabase;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        database.runCommand(new Document("ping", 1));
        builder.up().withDetail("database", database.getName());
    }
}
