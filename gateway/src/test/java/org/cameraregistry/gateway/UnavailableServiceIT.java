package org.cameraregistry.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.cameraregistry.testkit.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The registry is down: callers get a 503 that says so, not a hang or a bare 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnavailableServiceIT {

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry properties) throws Exception {
        int nobodyListens = GatewayIT.unusedPort();
        properties.add("gateway.services.registry", () -> "http://localhost:" + nobodyListens);
        properties.add("gateway.services.geo-search", () -> "http://localhost:" + nobodyListens);
    }

    @Test
    void aServiceThatCannotBeReachedIs503ProblemDetailsNamingIt() {
        ApiClient.Response unavailable = new ApiClient("http://localhost:" + port).get("/api/cameras/8f1c");

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.header("Content-Type")).contains("application/problem+json");
        assertThat(unavailable.header("Retry-After")).contains("5");
        assertThat(unavailable.json().path("type").asString())
                .isEqualTo("https://cameraregistry.org/problems/service-unavailable");
        assertThat(unavailable.json().path("detail").asString()).contains("registry-service");
    }
}
