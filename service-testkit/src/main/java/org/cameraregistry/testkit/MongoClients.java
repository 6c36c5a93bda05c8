package org.cameraregistry.testkit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import org.bson.UuidRepresentation;

/** MongoDB clients set up as the services set theirs up (UUIDs in the standard representation). */
public final class MongoClients {

    private MongoClients() {
    }

    public static MongoClient connect(String connectionString) {
        return com.mongodb.client.MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connectionString))
                .uuidRepresentation(UuidRepresentation.STANDARD)
                .build());
    }
}
