package org.cameraregistry.notification.account;

import com.mongodb.client.MongoDatabase;
import org.cameraregistry.testkit.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contact store on the MongoDB wire-protocol server that the local stack and the tests run. */
class ContactStoreOnWireServerIT extends ContactStoreContract {

    @RegisterExtension
    static final TestDatabases DATABASES = TestDatabases.onWireServer();

    @Override
    protected MongoDatabase freshDatabase() {
        return DATABASES.fresh("notification");
    }
}
