package org.cameraregistry.registry.pairing;

import com.mongodb.client.MongoDatabase;
import org.cameraregistry.testkit.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pairing codes on the MongoDB wire-protocol server that the local stack and the tests run. */
class PairingCodesOnWireServerIT extends PairingCodesContract {

    @RegisterExtension
    static final TestDatabases DATABASES = TestDatabases.onWireServer();

    @Override
    protected MongoDatabase freshDatabase() {
        return DATABASES.fresh("registry");
    }
}
