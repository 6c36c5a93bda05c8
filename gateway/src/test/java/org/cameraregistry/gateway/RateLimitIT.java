package org.cameraregistry.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.cameraregistry.testkit.ApiClient;
import org.junit.jupiter.api.Test;

/** Each client address may send so many requests per second; the next one hears when to retry. */
class RateLimitIT {

    @Test
    void aClientSendingTooManyChangesIsAnswered429WithRetryAfterWhileAnotherAddressIsNot() throws Exception {
        try (StubService registry = new StubService("registry");
                Gateways gateway = Gateways.start("--gateway.services.registry-service=" + registry.url(),
                        "--gateway.rate-limits.writes-per-second=3")) {
            List<ApiClient.Response> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(gateway.api().post("/api/cameras", "{\"label\":\"Porch\"}"));
            }

            assertThat(answers).extracting(ApiClient.Response::status).contains(201).contains(429);
            ApiClient.Response limited = answers.stream().filter(answer -> answer.status() == 429).findFirst().orElseThrow();
            assertThat(limited.header("Content-Type")).contains("application/problem+json");
            assertThat(limited.json().path("type").asString()).endsWith("/too-many-requests");
            assertThat(limited.header("Retry-After")).hasValueSatisfying(seconds ->
                    assertThat(Integer.parseInt(seconds)).isBetween(1, 2));
            assertThat(registry.received()).hasSize((int) answers.stream().filter(answer -> answer.status() == 201).count());

            assertThat(postFrom(InetAddress.getByName("127.0.0.2"), gateway)).isEqualTo(201);
            assertThat(gateway.api().get("/api/search/nearest?lat=1&lon=1").status()).as("reads are counted apart")
                    .isNotEqualTo(429);
        }
    }

    private static int postFrom(InetAddress address, Gateways gateway) throws Exception {
        HttpClient client = HttpClient.newBuilder().localAddress(address).build();
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(gateway.api().baseUrl() + "/api/cameras"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"Porch\"}")).build(), HttpResponse.BodyHandlers.ofString());
        return answer.statusCode();
    }
}
