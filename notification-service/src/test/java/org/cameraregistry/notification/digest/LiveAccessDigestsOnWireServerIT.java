package org.cameraregistry.notification.digest;

import com.mongodb.client.MongoDatabase;
import org.cameraregistry.testkit.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The live-access digests on the MongoDB wire-protocol server that the local stack and the tests run. */
class LiveAccessDigestsOnWireServerIT extends LiveAccessDigestsContract {

    @RegisterExtension
    static final TestDatabases DATABASES = TestDatabases.onWireServer();

    @Override
    protected MongoDatabase freshDatabase() {
        return DATABASES.fresh("notification");
    }
}
