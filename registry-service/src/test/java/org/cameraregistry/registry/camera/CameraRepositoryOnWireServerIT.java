package org.cameraregistry.registry.camera;

import com.mongodb.client.MongoDatabase;
import org.cameraregistry.testkit.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The repository on the MongoDB wire-protocol server that the local stack and the tests run. */
class CameraRepositoryOnWireServerIT extends CameraRepositoryContract {

    @RegisterExtension
    static final TestDatabases DATABASES = TestDatabases.onWireServer();

    @Override
    protected MongoDatabase freshDatabase() {
        return DATABASES.fresh("registry");
    }
}
