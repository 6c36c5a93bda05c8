package org.cameraregistry.testkit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service of the platform does alike, checked from the outside over HTTP: it is live
 * and ready, exposes Prometheus metrics tagged with its name, and refuses a path it does not serve
 * with problem details.
 */
public final class ServiceConventions {

    private ServiceConventions() {
    }

    /**
     * Fails with the convention broken by the service answering at {@code baseUrl}. It checks
     * tokens and denies by default: a path no rule names answers 401 problem details with a {@code WWW-Authenticate} challenge
     * without a token, and 403 problem details with {@code bearerToken}.
     */
    public static void verifyWithToken(String baseUrl, String serviceName, String bearerToken) {
        verifyOperable(baseUrl, serviceName);
        ApiClient api = new ApiClient(baseUrl);
        ApiClient.Response anonymous = api.get("/api/nothing-here");
        assertThat(anonymous.status()).as("an API path without a token").isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(anonymous.header("Content-Type")).contains("application/problem+json");
        ApiClient.Response unnamed = api.get("/api/nothing-here", "Authorization", "Bearer " + bearerToken);
        assertThat(unnamed.status()).as("a path no rule allows, with a token").isEqualTo(403);
        assertThat(unnamed.header("Content-Type")).contains("application/problem+json");
        assertThat(unnamed.json().path("type").asString()).isEqualTo("https://cameraregistry.org/problems/forbidden");
    }

    private static void verifyOperable(String baseUrl, String serviceName) {
        ApiClient api = new ApiClient(baseUrl);
        assertThat(api.get("/actuator/health/liveness").json().path("status").asString()).as("liveness").isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness").json().path("status").asString()).as("readiness").isEqualTo("UP");
        ApiClient.Response metrics = api.get("/actuator/prometheus");
        assertThat(metrics.status()).as("metrics").isEqualTo(200);
        assertThat(metrics.body()).contains("application=\"" + serviceName + "\"");
    }
}
