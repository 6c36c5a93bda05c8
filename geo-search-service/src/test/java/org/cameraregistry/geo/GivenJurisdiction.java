package org.cameraregistry.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.testkit.TestIssuer;

/** Sets a department's jurisdiction through the API, as its DEPT_ADMIN does. */
public final class GivenJurisdiction {

    /** The whole globe: for tests of searching itself, whose cameras lie anywhere. */
    public static final String EVERYWHERE = """
            {"type": "Polygon", "coordinates": [[[-180, -90], [180, -90], [180, 90], [-180, 90], [-180, -90]]]}""";

    private GivenJurisdiction() {
    }

    public static void everywhere(String baseUrl, String departmentId) {
        of(baseUrl, departmentId, EVERYWHERE);
    }

    public static void of(String baseUrl, String departmentId, String geoJson) {
        ApiClient.Response set = new ApiClient(baseUrl).as(TestIssuer.shared().staff("DEPT_ADMIN", departmentId))
                .put("/api/departments/" + departmentId + "/jurisdiction", geoJson);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }
}
