package org.cameraregistry.geo.incident;

import com.mongodb.client.MongoDatabase;
import org.cameraregistry.testkit.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The incidents' store on the MongoDB wire-protocol server that the local stack and the tests run. */
class IncidentStoreOnWireServerIT extends IncidentStoreContract {

    @RegisterExtension
    static final TestDatabases DATABASES = TestDatabases.onWireServer();

    @Override
    protected MongoDatabase freshDatabase() {
        return DATABASES.fresh("geo-search");
    }
}
