package org.cameraregistry.localstack.demo;

import java.awt.geom.Path2D;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The demo departments' jurisdictions: Dallas's, a rough outline of the city's limits (not a box:
 * it leaves out Addison, Farmers Branch, Richardson, Garland and Mesquite around it), and
 * neighbouring Richardson's, which shares a border with it. Each is set through the gateway by the
 * department's own admin, as a city's admin would, on every start (setting it again changes nothing).
 */
public enum DemoJurisdiction {

    DALLAS(DemoAccounts.DALLAS, DemoAccounts.DEPARTMENT_ADMIN, DemoAccounts.INVESTIGATOR, new double[][] {
            {-96.855, 33.010}, {-96.770, 33.010}, {-96.770, 32.935}, {-96.700, 32.935}, {-96.680, 32.925},
            {-96.680, 32.870}, {-96.620, 32.860}, {-96.560, 32.880}, {-96.520, 32.870}, {-96.525, 32.820},
            {-96.600, 32.815}, {-96.640, 32.790}, {-96.640, 32.740}, {-96.620, 32.700}, {-96.660, 32.660},
            {-96.700, 32.630}, {-96.760, 32.620}, {-96.840, 32.620}, {-96.900, 32.625}, {-96.980, 32.640},
            {-97.030, 32.660}, {-97.030, 32.700}, {-96.990, 32.720}, {-96.960, 32.750}, {-96.930, 32.760},
            {-96.900, 32.800}, {-96.910, 32.850}, {-96.920, 32.905}, {-96.840, 32.905}, {-96.825, 32.930},
            {-96.815, 32.975}, {-96.860, 32.990}, {-96.855, 33.010}}),
    RICHARDSON(DemoAccounts.RICHARDSON, DemoAccounts.NEIGHBOURING_DEPARTMENT_ADMIN,
            DemoAccounts.NEIGHBOURING_INVESTIGATOR, new double[][] {
            {-96.770, 32.935}, {-96.770, 32.985}, {-96.760, 33.000}, {-96.720, 33.010}, {-96.690, 33.020},
            {-96.640, 33.020}, {-96.620, 33.000}, {-96.650, 32.985}, {-96.660, 32.960}, {-96.680, 32.945},
            {-96.680, 32.925}, {-96.700, 32.935}, {-96.770, 32.935}});

    private final String departmentId;
    private final String admin;
    private final String investigator;
    /** [longitude, latitude] positions, the first repeated at the end, as GeoJSON has them. */
    private final double[][] outline;
    private final Path2D.Double area = new Path2D.Double();

    DemoJurisdiction(String departmentId, String admin, String investigator, double[][] outline) {
        this.departmentId = departmentId;
        this.admin = admin;
        this.investigator = investigator;
        this.outline = outline;
        area.moveTo(outline[0][0], outline[0][1]);
        for (int i = 1; i < outline.length; i++) {
            area.lineTo(outline[i][0], outline[i][1]);
        }
        area.closePath();
    }

    public String departmentId() {
        return departmentId;
    }

    /** One of the department's investigators, to check what it sees. */
    public String investigator() {
        return investigator;
    }

    /** Whether a place lies inside (a place on the border may go either way here; geo-search counts it in). */
    public boolean contains(double latitude, double longitude) {
        return area.contains(longitude, latitude);
    }

    /** Whether a place lies inside any demo jurisdiction. */
    public static boolean anyContains(double latitude, double longitude) {
        return List.of(values()).stream().anyMatch(jurisdiction -> jurisdiction.contains(latitude, longitude));
    }

    public String geoJson() {
        return "{\"type\":\"Polygon\",\"coordinates\":[[" + List.of(outline).stream()
                .map(position -> String.format(Locale.ROOT, "[%s,%s]", position[0], position[1]))
                .collect(Collectors.joining(",")) + "]]}";
    }

    /** Sets every demo jurisdiction through the gateway, each as its department's admin. */
    public static void setAll(String gatewayUrl, DemoAccounts accounts) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (DemoJurisdiction jurisdiction : values()) {
            String path = "/api/departments/" + jurisdiction.departmentId + "/jurisdiction";
            HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + accounts.tokenOf(jurisdiction.admin))
                    .PUT(HttpRequest.BodyPublishers.ofString(jurisdiction.geoJson()))
                    .build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("The gateway refused PUT " + path + " (HTTP "
                            + response.statusCode() + "): " + response.body());
                }
            } catch (IOException e) {
                throw new IllegalStateException("The gateway did not answer PUT " + path, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
