package org.cameraregistry.notification.digest;

import com.mongodb.client.MongoDatabase;
import org.cameraregistry.testkit.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The live-access digests on a real MongoDB, wherever Docker can run one; skipped elsewhere. */
class LiveAccessDigestsOnMongoDbIT extends LiveAccessDigestsContract {

    @RegisterExtension
    static final TestDatabases DATABASES = TestDatabases.onMongoDb("mongo:8.0");

    @Override
    protected MongoDatabase freshDatabase() {
        return DATABASES.fresh("notification");
    }
}
