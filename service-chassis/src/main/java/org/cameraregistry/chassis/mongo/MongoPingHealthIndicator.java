package org.cameraregistry.chassis.mongo;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * A service's own database in health and readiness. Declared as the bean "mongoHealthIndicator",
 * it takes the place of Spring Boot's, which sends {@code hello}: every MongoDB answers that, but
 * the embedded wire server of the local stack does not; all of them answer {@code ping}.
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase database;

    public MongoPingHealthIndicator(MongoDatabase database) {
        super("MongoDB ping failed");
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        database.runCommand(new Document("ping", 1));
        builder.up().withDetail("database", database.getName());
    }
}
