package org.cameraregistry.registry.pairing;

import com.mongodb.client.MongoDatabase;
import org.cameraregistry.testkit.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pairing codes on a real MongoDB, wherever Docker can run one; skipped elsewhere. */
class PairingCodesOnMongoDbIT extends PairingCodesContract {

    @RegisterExtension
    static final TestDatabases DATABASES = TestDatabases.onMongoDb("mongo:8.0");

    @Override
    protected MongoDatabase freshDatabase() {
        return DATABASES.fresh("registry");
    }
}
