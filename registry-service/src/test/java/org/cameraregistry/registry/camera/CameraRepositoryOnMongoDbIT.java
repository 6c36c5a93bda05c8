package org.cameraregistry.registry.camera;

import com.mongodb.client.MongoDatabase;
import org.cameraregistry.testkit.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The repository on a real MongoDB, wherever Docker can run one; skipped elsewhere. It keeps the
 * code honest about what only the embedded wire server accepts.
 */
class CameraRepositoryOnMongoDbIT extends CameraRepositoryContract {

    @RegisterExtension
    static final TestDatabases DATABASES = TestDatabases.onMongoDb("mongo:8.0");

    @Override
    protected MongoDatabase freshDatabase() {
        return DATABASES.fresh("registry");
    }
}
