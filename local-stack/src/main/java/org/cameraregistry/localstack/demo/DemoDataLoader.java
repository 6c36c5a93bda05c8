package org.cameraregistry.localstack.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports demo cameras the way an owner with many would: CSV files of at most 10,000 rows sent
 * through the gateway ({@code POST /api/cameras/imports}), each followed on its report until done,
 * so that the cameras travel the whole way (registry, outbox, Kafka, geo-search) like real ones.
 * Each row's reference is {@code demo-<n>}, so importing the city again registers no camera twice,
 * and, as for any import, the owner is not emailed about each camera.
 */
public final class DemoDataLoader {

    /** The most rows an import file may have. */
    static final int ROWS_PER_FILE = 10_000;
    private static final String HEADER = "reference,label,latitude,longitude,level,facing_degrees,"
            + "field_of_view_degrees,views,records_audio,retention_days\n";
    private static final Duration IMPORT_DEADLINE = Duration.ofMinutes(10);
    private static final JsonMapper JSON = new JsonMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gatewayUrl;

    public DemoDataLoader(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    /**
     * Imports the cameras numbered from {@code firstNumber} as the owner whose current token
     * {@code ownerToken} gives, then fails if any row was refused (demo data must be valid), naming
     * the first refusal.
     */
    public void importCameras(List<DemoCamera> cameras, int firstNumber, Supplier<String> ownerToken) {
        try {
            for (int first = 0; first < cameras.size(); first += ROWS_PER_FILE) {
                List<DemoCamera> file = cameras.subList(first, Math.min(cameras.size(), first + ROWS_PER_FILE));
                JsonNode report = awaitDone(send(csv(file, firstNumber + first), ownerToken), ownerToken);
                if (!"DONE".equals(report.path("state").asString()) || report.path("failed").asInt() > 0) {
                    throw new IllegalStateException("The registry did not import the demo cameras: " + report);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing the demo cameras", e);
        }
    }

    static String csv(List<DemoCamera> cameras, int firstNumber) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < cameras.size(); i++) {
            DemoCamera camera = cameras.get(i);
            csv.append("demo-").append(firstNumber + i).append(',')
                    .append('"').append(camera.label().replace("\"", "\"\"")).append('"').append(',')
                    .append(camera.latitude()).append(',')
                    .append(camera.longitude()).append(',')
                    .append(camera.level()).append(',')
                    .append(camera.facingDegrees()).append(',')
                    .append(camera.fieldOfViewDegrees()).append(',')
                    .append(String.join(";", camera.views()).toLowerCase(Locale.ROOT)).append(',')
                    .append(camera.recordsAudio() ? "yes" : "no").append(',')
                    .append(camera.retentionDays()).append('\n');
        }
        return csv.toString();
    }

    /** Sends the file, again after the wait the answer asks for while the registry is busy; the import's address. */
    private URI send(String csv, Supplier<String> ownerToken) throws InterruptedException {
        long deadline = System.nanoTime() + IMPORT_DEADLINE.toNanos();
        while (true) {
            HttpResponse<String> response = call(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/cameras/imports"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "text/csv")
                    .header("Authorization", "Bearer " + ownerToken.get())
                    .POST(HttpRequest.BodyPublishers.ofString(csv))
                    .build());
            if (response.statusCode() == 202) {
                return URI.create(gatewayUrl + "/api/cameras/imports/" + JSON.readTree(response.body()).path("id").asString());
            }
            if ((response.statusCode() == 429 || response.statusCode() == 503) && System.nanoTime() < deadline) {
                Thread.sleep(Duration.ofSeconds(response.headers().firstValueAsLong("Retry-After").orElse(1)));
                continue;
            }
            throw new IllegalStateException("The registry refused the demo cameras (HTTP " + response.statusCode() + "): "
                    + response.body());
        }
    }

    private JsonNode awaitDone(URI report, Supplier<String> ownerToken) throws InterruptedException {
        long deadline = System.nanoTime() + IMPORT_DEADLINE.toNanos();
        while (true) {
            HttpResponse<String> response = call(HttpRequest.newBuilder(report).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + ownerToken.get()).build());
            if (response.statusCode() == 200) {
                JsonNode read = JSON.readTree(response.body());
                if (!"RUNNING".equals(read.path("state").asString())) {
                    return read;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The import of demo cameras did not finish within "
                        + IMPORT_DEADLINE.toMinutes() + " minutes: " + response.body());
            }
            Thread.sleep(Duration.ofMillis(500));
        }
    }

    private HttpResponse<String> call(HttpRequest request) throws InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("The gateway did not answer " + request.uri(), e);
        }
    }
}
