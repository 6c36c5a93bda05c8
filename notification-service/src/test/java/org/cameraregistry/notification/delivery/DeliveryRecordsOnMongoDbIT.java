package org.cameraregistry.notification.delivery;

import com.mongodb.client.MongoDatabase;
import org.cameraregistry.testkit.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The delivery records on a real MongoDB, wherever Docker can run one; skipped elsewhere. */
class DeliveryRecordsOnMongoDbIT extends DeliveryRecordsContract {

    @RegisterExtension
    static final TestDatabases DATABASES = TestDatabases.onMongoDb("mongo:8.0");

    @Override
    protected MongoDatabase freshDatabase() {
        return DATABASES.fresh("notification");
    }
}
