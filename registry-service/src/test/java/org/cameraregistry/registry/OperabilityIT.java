package org.cameraregistry.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.testkit.TestIssuer;
import org.cameraregistry.testkit.ServiceConventions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

class OperabilityIT extends RegistryIntegrationTest {

    @LocalServerPort
    private int port;

    @Test
    void followsThePlatformConventionsWithItsDatabaseInReadiness() {
        ServiceConventions.verifyWithToken("http://localhost:" + port, "registry-service", TestIssuer.shared().owner().value());

        ApiClient.Response readiness = new ApiClient("http://localhost:" + port).get("/actuator/health/readiness");
        assertThat(readiness.json().path("components").path("mongo").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void exposesOutboxMetricsTaggedWithTheServiceName() {
        ApiClient api = new ApiClient("http://localhost:" + port).as(TestIssuer.shared().owner());
        api.post("/api/cameras", "{\"label\":\"Counted\",\"latitude\":32.7,\"longitude\":-96.8,\"level\":\"LEVEL_1\"}");

        String metrics = api.get("/actuator/prometheus").body();

        assertThat(metrics).contains("outbox_published_total{application=\"registry-service\"");
        assertThat(metrics).contains("outbox_waiting_documents{application=\"registry-service\"");
        assertThat(metrics).contains("http_server_requests_seconds_count{application=\"registry-service\"");
    }
}
