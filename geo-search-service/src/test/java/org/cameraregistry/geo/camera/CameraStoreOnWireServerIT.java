package org.cameraregistry.geo.camera;

import com.mongodb.client.MongoDatabase;
import org.cameraregistry.testkit.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store on the MongoDB wire-protocol server that the local stack and the tests run. */
class CameraStoreOnWireServerIT extends CameraStoreContract {

    @RegisterExtension
    static final TestDatabases DATABASES = TestDatabases.onWireServer();

    @Override
    protected MongoDatabase freshDatabase() {
        return DATABASES.fresh("geo-search");
    }
}
