package org.cameraregistry.localstack.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers demo cameras the way an owner would: POST /api/cameras through the gateway with the
 * owner's token, a few at a time, so that they travel the whole way (registry, outbox, Kafka,
 * geo-search) like real ones. Each is sent with the idempotency key {@code demo-camera-<n>}, so
 * sending the city again never registers a camera twice, and a refused request is retried as the
 * gateway's answer says.
 */
public final class DemoDataLoader {

    private static final int IN_FLIGHT = 8;
    private static final int ATTEMPTS = 5;
    private static final Set<Integer> LATER = Set.of(429, 503, 504);
    private static final JsonMapper JSON = new JsonMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gatewayUrl;

    public DemoDataLoader(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    /**
     * Registers the cameras numbered from {@code firstNumber} as the owner whose token this is, then
     * fails if any was refused for good (demo data must be valid), naming the first refusal.
     */
    public void register(List<DemoCamera> cameras, int firstNumber, String ownerToken) {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        CompletableFuture<?>[] requests = new CompletableFuture<?>[cameras.size()];
        for (int i = 0; i < cameras.size(); i++) {
            slots.acquireUninterruptibly();
            HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/cameras"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + ownerToken)
                    .header("Idempotency-Key", "demo-camera-" + (firstNumber + i))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(cameras.get(i))))
                    .build();
            requests[i] = send(request, ATTEMPTS).whenComplete((response, failure) -> slots.release());
        }
        CompletableFuture.allOf(requests).join();
    }

    /** Sends the request, and again after the wait the answer asks for while it says "later" (429, 503, 504). */
    private CompletableFuture<HttpResponse<String>> send(HttpRequest request, int attemptsLeft) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
            int status = response.statusCode();
            if (status == 201) {
                return CompletableFuture.completedFuture(response);
            }
            if (LATER.contains(status) && attemptsLeft > 1) {
                long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
                return CompletableFuture.supplyAsync(() -> null,
                                CompletableFuture.delayedExecutor(Math.min(seconds, 30), TimeUnit.SECONDS))
                        .thenCompose(ignored -> send(request, attemptsLeft - 1));
            }
            throw new IllegalStateException("The registry refused a demo camera (HTTP " + status + "): " + response.body());
        });
    }
}
