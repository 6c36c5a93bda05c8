package org.cameraregistry.notification.delivery;

import com.mongodb.client.MongoDatabase;
import org.cameraregistry.testkit.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The delivery records on the MongoDB wire-protocol server that the local stack and the tests run. */
class DeliveryRecordsOnWireServerIT extends DeliveryRecordsContract {

    @RegisterExtension
    static final TestDatabases DATABASES = TestDatabases.onWireServer();

    @Override
    protected MongoDatabase freshDatabase() {
        return DATABASES.fresh("notification");
    }
}
