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
 * The demo city, imported through the gateway on a first start, as owners with many cameras would
 * import theirs: the second demo owner's first few, the first demo owner's all the others, in files
 * of at most 10,000. Before them, the demo departments' admins set their jurisdictions. A marker in
 * the data folder records that the cameras were registered; a start cut short while importing is
 * resumed by the next one, without duplicates, since each demo camera has a reference of its own
 * ({@link DemoDataLoader}).
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
        console.println("  Importing " + cameras.size() + " demo cameras in Dallas and Richardson through the gateway...");
        DemoDataLoader loader = new DemoDataLoader(gatewayUrl);
        int second = Math.min(SECOND_OWNERS_CAMERAS, cameras.size());
        try (RenewedToken secondOwner = renewed(DemoAccounts.SECOND_OWNER); RenewedToken owner = renewed(DemoAccounts.OWNER)) {
            loader.importCameras(cameras.subList(0, second), 0, secondOwner);
            loader.importCameras(cameras.subList(second, cameras.size()), second, owner);
        }
        Duration searchableWithin = SEARCHABLE_WITHIN.plusSeconds(cameras.size() / 100);
        for (DemoJurisdiction jurisdiction : DemoJurisdiction.values()) {
            int inside = (int) cameras.stream()
                    .filter(camera -> jurisdiction.contains(camera.latitude(), camera.longitude())).count();
            searchInstances.forEach(instance -> awaitSearchable(instance, inside, jurisdiction, searchableWithin));
        }
        write(marker, cameras.size() + " demo cameras registered\n");
        return cameras.size();
    }

    /**
     * Waits until a geo-search instance shows a department's investigator every demo camera of its
     * jurisdiction (a box around the city, which says how many it holds in all): the events have
     * crossed Kafka.
     */
    private void awaitSearchable(String instance, int count, DemoJurisdiction jurisdiction, Duration within) {
        HttpClient http = HttpClient.newHttpClient();
        double latitudeSpan = DallasDemoCameras.RADIUS_METERS / 111_320;
        double longitudeSpan = latitudeSpan / Math.cos(Math.toRadians(DallasDemoCameras.CENTER_LATITUDE));
        URI search = URI.create(instance + "/api/search/within-box?south=" + (DallasDemoCameras.CENTER_LATITUDE - latitudeSpan)
                + "&west=" + (DallasDemoCameras.CENTER_LONGITUDE - longitudeSpan)
                + "&north=" + (DallasDemoCameras.CENTER_LATITUDE + latitudeSpan)
                + "&east=" + (DallasDemoCameras.CENTER_LONGITUDE + longitudeSpan) + "&limit=1");
        JsonMapper json = new JsonMapper();
        long deadline = System.nanoTime() + within.toNanos();
        try (RenewedToken token = renewed(jurisdiction.investigator())) {
            while (true) {
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(search)
                                    .header("Authorization", "Bearer " + token.get()).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && json.readTree(response.body()).path("total").asLong() >= count) {
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
    }

    private RenewedToken renewed(String account) {
        return new RenewedToken(() -> accounts.tokenOf(account));
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
