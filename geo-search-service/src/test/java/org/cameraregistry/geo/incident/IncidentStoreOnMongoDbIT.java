package org.cameraregistry.geo.incident;

import com.mongodb.client.MongoDatabase;
import org.cameraregistry.testkit.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The incidents' store on a real MongoDB, wherever Docker can run one; skipped elsewhere. Only a
 * real server shows the race between an upsert's filter and its insert that the store must survive.
 */
class IncidentStoreOnMongoDbIT extends IncidentStoreContract {

    @RegisterExtension
    static final TestDatabases DATABASES = TestDatabases.onMongoDb("mongo:8.0");

    @Override
    protected MongoDatabase freshDatabase() {
        return DATABASES.fresh("geo-search");
    }
}
