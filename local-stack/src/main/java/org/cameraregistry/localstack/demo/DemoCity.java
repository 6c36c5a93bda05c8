package org.cameraregistry.localstack.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo city, registered through the gateway on a first start, as owners would register their
 * cameras: the second demo owner's first few, the first demo owner's all the others. Before them,
 * the demo departments' admins set their jurisdictions. A marker in the data folder records that
 * the cameras were registered; a start cut short while registering
 * is resumed by the next one, without duplicates, since each demo camera is sent with an
 * idempotency key of its own (valid for 24 hours).
 */
public final class DemoCity {

    private static final String MARKER = "demo-data-loaded";
    private static final Duration SEARCHABLE_WITHIN = Duration.ofMinutes(4);
    /** How many cameras the second demo owner has. */
    private static final int SECOND_OWNERS_CAMERAS = 6;

    private final String gatewayUrl;
    private final DemoAccounts accounts;
    private final List<String> searchInstances;
    private final Path dataDirectory;
    private final PrintStream console;

    /**
     * @param gatewayUrl      where the cameras are registered
     * @param searchInstances every geo-search instance, each of which must find the whole city
     */
    public DemoCity(String gatewayUrl, DemoAccounts accounts, List<String> searchInstances, Path dataDirectory,
            PrintStream console) {
        this.gatewayUrl = gatewayUrl;
        this.accounts = accounts;
        this.searchInstances = List.copyOf(searchInstances);
        this.dataDirectory = dataDirectory;
        this.console = console;
    }

    /**
     * Opens the demo accounts and sets the demo jurisdictions (again, which changes nothing, if an
     * earlier start did) and registers {@code count} demo cameras unless an earlier start did; how
     * many this start registered.
     */
    public int registerOnce(int count) {
        Path marker = dataDirectory.resolve(MARKER);
        if (count <= 0) {
            return 0;
        }
        accounts.open();
        DemoJurisdiction.setAll(gatewayUrl, accounts);
        if (Files.exists(marker) && !read(marker).startsWith("loading")) {
            return 0;
        }
        List<DemoCamera> cameras = DallasDemoCameras.generate(count);
        write(marker, "loading " + cameras.size() + " demo cameras\n");
        console.println("  Registering " + cameras.size() + " demo cameras in Dallas and Richardson through the gateway...");
        DemoDataLoader loader = new DemoDataLoader(gatewayUrl);
        int second = Math.min(SECOND_OWNERS_CAMERAS, cameras.size());
        loader.register(cameras.subList(0, second), 0, accounts.tokenOf(DemoAccounts.SECOND_OWNER));
        loader.register(cameras.subList(second, cameras.size()), second, accounts.tokenOf(DemoAccounts.OWNER));
        for (DemoJurisdiction jurisdiction : DemoJurisdiction.values()) {
            int inside = (int) cameras.stream()
                    .filter(camera -> jurisdiction.contains(camera.latitude(), camera.longitude())).count();
            String investigator = accounts.tokenOf(jurisdiction.investigator());
            searchInstances.forEach(instance -> awaitSearchable(instance, inside, investigator));
        }
        write(marker, cameras.size() + " demo cameras registered\n");
        return cameras.size();
    }

    /**
     * Waits until a geo-search instance shows an investigator every demo camera of their
     * jurisdiction: the events have crossed Kafka.
     */
    private void awaitSearchable(String instance, int count, String investigatorToken) {
        HttpClient http = HttpClient.newHttpClient();
        URI search = URI.create(instance + "/api/search/within?lat=" + DallasDemoCameras.CENTER_LATITUDE
                + "&lon=" + DallasDemoCameras.CENTER_LONGITUDE + "&radiusMeters=" + (int) DallasDemoCameras.RADIUS_METERS
                + "&limit=5000");
        JsonMapper json = new JsonMapper();
        long deadline = System.nanoTime() + SEARCHABLE_WITHIN.toNanos();
        while (true) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(search)
                                .header("Authorization", "Bearer " + investigatorToken).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && json.readTree(response.body()).path("cameras").size() >= count) {
                    return;
                }
            } catch (IOException e) {
                // The next attempt will tell.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The demo cameras did not all become searchable in time; see the logs of"
                        + " registry-service and geo-search-service in " + dataDirectory.resolve("logs"));
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
