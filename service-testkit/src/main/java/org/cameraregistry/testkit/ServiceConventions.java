package org.cameraregistry.testkit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service of the platform does alike, checked from the outside over HTTP: it is live
 * and ready, exposes Prometheus metrics tagged with its name, and answers a path it does not serve
 * with 404 problem details.
 */
public final class ServiceConventions {

    private ServiceConventions() {
    }

    /**
     * As {@link #verify(String, String)}, for a service that checks tokens: without one an API path
     * answers 401 problem details with a {@code WWW-Authenticate} challenge; with {@code bearerToken}
     * an unknown path answers 404.
     */
    public static void verifyWithToken(String baseUrl, String serviceName, String bearerToken) {
        ApiClient api = new ApiClient(baseUrl);
        ApiClient.Response anonymous = api.get("/api/nothing-here");
        assertThat(anonymous.status()).as("an API path without a token").isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(anonymous.header("Content-Type")).contains("application/problem+json");
        verify(baseUrl, serviceName, "Authorization", "Bearer " + bearerToken);
    }

    /** Fails with the convention broken by the service answering at {@code baseUrl}. */
    public static void verify(String baseUrl, String serviceName) {
        verify(baseUrl, serviceName, new String[0]);
    }

    private static void verify(String baseUrl, String serviceName, String... headers) {
        ApiClient api = new ApiClient(baseUrl);

        assertThat(api.get("/actuator/health/liveness").json().path("status").asString()).as("liveness").isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness").json().path("status").asString()).as("readiness").isEqualTo("UP");
        ApiClient.Response metrics = api.get("/actuator/prometheus");
        assertThat(metrics.status()).as("metrics").isEqualTo(200);
        assertThat(metrics.body()).contains("application=\"" + serviceName + "\"");

        ApiClient.Response missing = api.get("/api/nothing-here", headers);
        assertThat(missing.status()).as("an unknown path").isEqualTo(404);
        assertThat(missing.header("Content-Type")).contains("application/problem+json");
        assertThat(missing.json().path("type").asString()).isEqualTo("https://cameraregistry.org/problems/http-404");
    }
}
