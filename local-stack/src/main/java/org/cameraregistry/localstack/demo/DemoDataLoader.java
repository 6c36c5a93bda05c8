package org.cameraregistry.localstack.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers demo cameras the way an owner would: POST /api/cameras through the gateway, a few at
 * a time, so that they travel the whole way (registry, outbox, Kafka, geo-search) like real ones.
 */
public final class DemoDataLoader {

    private static final int IN_FLIGHT = 8;
    private static final JsonMapper JSON = new JsonMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gatewayUrl;

    public DemoDataLoader(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    /**
     * Registers every camera, then fails if any was refused (demo data must be valid), naming the
     * first refusal.
     */
    public void register(List<DemoCamera> cameras) {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        CompletableFuture<?>[] requests = new CompletableFuture<?>[cameras.size()];
        for (int i = 0; i < cameras.size(); i++) {
            slots.acquireUninterruptibly();
            HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/cameras"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(cameras.get(i))))
                    .build();
            requests[i] = http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> slots.release())
                    .thenAccept(response -> {
                        if (response.statusCode() != 201) {
                            throw new IllegalStateException("The registry refused a demo camera (HTTP "
                                    + response.statusCode() + "): " + response.body());
                        }
                    });
        }
        CompletableFuture.allOf(requests).join();
    }
}
