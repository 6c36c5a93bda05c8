package org.cameraregistry.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.testkit.EmbeddedInfrastructure;
import org.cameraregistry.testkit.TestIssuer;
import org.junit.jupiter.api.Test;

/**
 * While the issuer's keys cannot be fetched, a request with a token is told to retry (503), not to
 * sign in again (401), and nothing is registered; a request without a token is still 401.
 */
class IssuerUnreachableIT {

    @Test
    void aTokenThatCannotBeCheckedIs503TokenCheckUnavailableWithRetryAfter() {
        String database = "registry-issuer-away-" + UUID.randomUUID();
        try (RunningRegistry registry = RunningRegistry.start(database,
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:"
                        + EmbeddedInfrastructure.freePort() + "/oauth2/jwks")) {
            ApiClient api = new ApiClient(registry.url()).as(TestIssuer.shared().owner());

            ApiClient.Response refused = api.post("/api/cameras",
                    "{\"label\":\"Porch\",\"latitude\":32.78,\"longitude\":-96.8,\"level\":\"LEVEL_1\"}");

            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).contains("5");
            assertThat(refused.json().path("type").asString()).endsWith("/problems/token-check-unavailable");
            assertThat(refused.body()).doesNotContain("Exception");
            assertThat(registry.database().getCollection("cameras").countDocuments()).isZero();
            assertThat(api.anonymous().get("/api/cameras").status()).isEqualTo(401);
        }
    }
}
