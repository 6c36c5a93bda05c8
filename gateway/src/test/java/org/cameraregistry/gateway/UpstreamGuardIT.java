package org.cameraregistry.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.cameraregistry.testkit.ApiClient;
import org.junit.jupiter.api.Test;

/**
 * The circuit breaker opens when a service fails, never because of the gateway's own limits; the
 * service's own answers pass unchanged; timeouts say the outcome is unknown.
 */
class UpstreamGuardIT {

    private static final String SEARCH = "/api/search/nearest?lat=32.7&lon=-96.8";

    @Test
    void aBurstBeyondTheGatewaysOwnLimitIsTurnedAwayWithoutOpeningTheBreaker() throws Exception {
        try (StubService geoSearch = new StubService("geo-search").slowedBy(Duration.ofMillis(300));
                Gateways gateway = Gateways.start("--gateway.services.geo-search-service=" + geoSearch.url(),
                        "--gateway.upstream.max-concurrent-requests=8", "--gateway.upstream.minimum-calls=5",
                        "--gateway.rate-limits.reads-per-second=10000")) {

            List<ApiClient.Response> burst = concurrently(60, () -> gateway.api().get(SEARCH));

            assertThat(burst).extracting(ApiClient.Response::status).containsOnly(200, 503);
            assertThat(burst).filteredOn(answer -> answer.status() == 503).isNotEmpty()
                    .allSatisfy(busy -> {
                        assertThat(busy.json().path("type").asString()).endsWith("/gateway-busy");
                        assertThat(busy.header("Retry-After")).contains("1");
                    });
            assertThat(gateway.breakerState("geo-search-service")).isEqualTo("closed");
            assertThat(gateway.api().get(SEARCH).status()).isEqualTo(200);
        }
    }

    @Test
    void withTheDefaultLimits64ConcurrentClientsAreAllServed() throws Exception {
        try (StubService geoSearch = new StubService("geo-search").slowedBy(Duration.ofMillis(50));
                Gateways gateway = Gateways.start("--gateway.services.geo-search-service=" + geoSearch.url(),
                        "--gateway.rate-limits.reads-per-second=10000")) {

            List<ApiClient.Response> answers = concurrently(64, () -> {
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    statuses.add(gateway.api().get(SEARCH).status());
                }
                return statuses.stream().allMatch(status -> status == 200) ? gateway.api().get(SEARCH) : null;
            });

            assertThat(answers).doesNotContainNull().extracting(ApiClient.Response::status).containsOnly(200);
            assertThat(gateway.breakerState("geo-search-service")).isEqualTo("closed");
        }
    }

    @Test
    void theBreakerOpensWhenTheServiceStopsAndThenAnswersAtOnceWithoutCallingIt() {
        StubService geoSearch = new StubService("geo-search");
        try (Gateways gateway = Gateways.start("--gateway.services.geo-search-service=" + geoSearch.url(),
                "--gateway.upstream.minimum-calls=5", "--gateway.upstream.sliding-window-calls=10",
                "--gateway.upstream.open-for=PT60S")) {
            assertThat(gateway.api().get(SEARCH).status()).isEqualTo(200);

            geoSearch.close();
            List<ApiClient.Response> whileDown = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                whileDown.add(gateway.api().get(SEARCH));
            }

            assertThat(whileDown).extracting(ApiClient.Response::status).containsOnly(503);
            assertThat(whileDown.getFirst().json().path("type").asString()).endsWith("/service-unavailable");
            assertThat(whileDown.getFirst().json().path("detail").asString()).contains("cannot be reached");
            assertThat(gateway.breakerState("geo-search-service")).isEqualTo("open");
            ApiClient.Response resting = gateway.api().get(SEARCH);
            assertThat(resting.json().path("detail").asString()).contains("given a rest");
            assertThat(resting.header("Retry-After")).contains("60");
        }
    }

    @Test
    void aServiceFailingWith5xxHasItsAnswersPassedOnAndOpensTheBreaker() {
        try (StubService geoSearch = new StubService("geo-search").answering(500);
                Gateways gateway = Gateways.start("--gateway.services.geo-search-service=" + geoSearch.url(),
                        "--gateway.upstream.minimum-calls=5", "--gateway.upstream.sliding-window-calls=10")) {

            ApiClient.Response failed = gateway.api().get(SEARCH);
            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.json().path("answeredBy").asString()).isEqualTo("geo-search");

            await().atMost(Duration.ofSeconds(10)).until(() -> {
                gateway.api().get(SEARCH);
                return gateway.breakerState("geo-search-service").equals("open");
            });
            int calls = geoSearch.received().size();
            assertThat(gateway.api().get(SEARCH).json().path("type").asString()).endsWith("/service-unavailable");
            assertThat(geoSearch.received()).hasSize(calls);
        }
    }

    @Test
    void aServiceThatAnswersTooLateIs504OutcomeUnknownNot503() {
        try (StubService registry = new StubService("registry").slowedBy(Duration.ofSeconds(3));
                Gateways gateway = Gateways.start("--gateway.services.registry-service=" + registry.url(),
                        "--spring.cloud.gateway.server.webflux.httpclient.response-timeout=500ms")) {

            ApiClient.Response late = gateway.api().post("/api/cameras", "{\"label\":\"Porch\"}");

            assertThat(late.status()).isEqualTo(504);
            assertThat(late.header("Content-Type")).contains("application/problem+json");
            assertThat(late.json().path("type").asString()).endsWith("/gateway-timeout");
            assertThat(late.json().path("detail").asString()).contains("may or may not have been carried out");
        }
    }

    @Test
    void aSearchWhoseInstanceRefusesTheConnectionIsTriedOnceMoreOnAnotherInstance() {
        try (StubService alive = new StubService("geo-search");
                Gateways gateway = Gateways.start("--gateway.services.geo-search-service=http://localhost:"
                        + unusedPort() + "," + alive.url(), "--gateway.rate-limits.reads-per-second=10000")) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                statuses.add(gateway.api().get(SEARCH).status());
            }

            assertThat(statuses).containsOnly(200);
            assertThat(alive.received()).hasSize(20);
        }
    }

    @Test
    void aChangeIsNeverSentTwice() {
        try (StubService alive = new StubService("registry");
                Gateways gateway = Gateways.start("--gateway.services.registry-service=http://localhost:"
                        + unusedPort() + "," + alive.url())) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                statuses.add(gateway.api().post("/api/cameras", "{\"label\":\"Porch\"}").status());
            }

            assertThat(statuses).contains(201, 503);
            assertThat(alive.received()).hasSize((int) statuses.stream().filter(status -> status == 201).count());
        }
    }

    private static <T> List<T> concurrently(int clients, Supplier<T> call) throws Exception {
        try (ExecutorService threads = Executors.newFixedThreadPool(clients)) {
            List<Future<T>> running = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                running.add(threads.submit(call::get));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> result : running) {
                results.add(result.get());
            }
            return results;
        }
    }

    private static int unusedPort() {
        return org.cameraregistry.testkit.EmbeddedInfrastructure.freePort();
    }
}
