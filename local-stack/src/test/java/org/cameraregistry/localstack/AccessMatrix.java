package org.cameraregistry.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.cameraregistry.cli.SignIn;
import org.cameraregistry.localstack.demo.DemoAccounts;
import org.cameraregistry.localstack.demo.DemoJurisdiction;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.testkit.FreshToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what, through the gateway with real tokens: every kind of caller against every
 * endpoint of the public API, on their own resources, another's, and another department's. Each
 * cell is the status the caller gets; for a search, whether it found cameras ({@code 200+}) or
 * answered an empty list ({@code 200-}). {@link #run()} calls every cell and tells which differ
 * from what is expected; {@link Result#table()} is the matrix docs/security.md shows.
 */
final class AccessMatrix {

    /** The callers, in the matrix's column order. */
    enum Caller {
        ANONYMOUS("anonymous"),
        OWNER("owner"),
        SECOND_OWNER("other owner"),
        INVESTIGATOR("investigator"),
        OTHER_INVESTIGATOR("investigator, other dept."),
        SUPERVISOR("supervisor"),
        DEPT_ADMIN("dept. admin"),
        DISPATCH("dispatch client");

        private final String heading;

        Caller(String heading) {
            this.heading = heading;
        }
    }

    private static final JsonMapper JSON = new JsonMapper();
    private static final String PASSWORD = "matrix orbit velvet lantern";
    /** Downtown Dallas and downtown Richardson: each within its own department's jurisdiction only. */
    private static final String IMPORT_FILE = "reference,label,latitude,longitude,level\nmatrix-1,Matrix shop,32.7802,-96.8006,1\n";
    private static final String DALLAS_SEARCH = "/api/search/within?lat=32.7801&lon=-96.8005&radiusMeters=2000";
    private static final String RICHARDSON_SEARCH = "/api/search/within?lat=32.9483&lon=-96.7299&radiusMeters=2000";
    private static final String DALLAS_NEAREST = "/api/search/nearest?lat=32.7801&lon=-96.8005&maxDistanceMeters=2000";
    private static final String RICHARDSON_NEAREST = "/api/search/nearest?lat=32.9483&lon=-96.7299&maxDistanceMeters=2000";
    private static final String DALLAS_BOX = "/api/search/within-box?south=32.76&west=-96.82&north=32.80&east=-96.78";
    private static final String RICHARDSON_BOX = "/api/search/within-box?south=32.93&west=-96.75&north=32.97&east=-96.71";
    private static final String DALLAS_CLUSTERS = "/api/search/clusters?south=32.76&west=-96.82&north=32.80&east=-96.78&zoom=14";
    private static final String RICHARDSON_CLUSTERS = "/api/search/clusters?south=32.93&west=-96.75&north=32.97&east=-96.71&zoom=14";
    private static final String DALLAS_POLYGON = square(32.7801, -96.8005);
    private static final String RICHARDSON_POLYGON = square(32.9483, -96.7299);
    private static final String CAMERA = """
            {"label":"Matrix porch","latitude":32.7795,"longitude":-96.8010,"level":"LEVEL_1"}""";

    private final Map<Caller, ApiClient> clients = new EnumMap<>(Caller.class);
    private final List<Row> rows = new ArrayList<>();
    private final String ownersCamera;

    private AccessMatrix(ApiClient gateway, String identityUrl) {
        DemoAccounts demo = new DemoAccounts(identityUrl);
        clients.put(Caller.ANONYMOUS, gateway);
        // Fresh owners of their own: the matrix ends with each erasing their account.
        clients.put(Caller.OWNER, gateway.withBearer(freshOwner(identityUrl)));
        clients.put(Caller.SECOND_OWNER, gateway.withBearer(freshOwner(identityUrl)));
        clients.put(Caller.INVESTIGATOR, gateway.withBearer(new FreshToken(() -> demo.tokenOf(DemoAccounts.INVESTIGATOR))));
        clients.put(Caller.OTHER_INVESTIGATOR,
                gateway.withBearer(new FreshToken(() -> demo.tokenOf(DemoAccounts.NEIGHBOURING_INVESTIGATOR))));
        clients.put(Caller.SUPERVISOR, gateway.withBearer(new FreshToken(() -> demo.tokenOf(DemoAccounts.SUPERVISOR))));
        clients.put(Caller.DEPT_ADMIN, gateway.withBearer(new FreshToken(() -> demo.tokenOf(DemoAccounts.DEPARTMENT_ADMIN))));
        clients.put(Caller.DISPATCH, gateway.withBearer(new FreshToken(() -> dispatchToken(identityUrl))));
        ownersCamera = register(clients.get(Caller.OWNER));
        String ownersImport = "/api/cameras/imports/"
                + clients.get(Caller.OWNER).postAs("text/csv", "/api/cameras/imports", IMPORT_FILE).json().path("id").asString();

        String camera = "/api/cameras/" + ownersCamera;
        String jurisdiction = "/api/departments/dallas/jurisdiction";
        String staff = "/api/departments/dallas/staff";
        String otherJurisdiction = "/api/departments/richardson/jurisdiction";
        String otherStaff = "/api/departments/richardson/staff";
        row("GET /api/cameras", "own list", "401 200 200 403 403 403 403 403", (caller, api) -> api.get("/api/cameras"));
        row("POST /api/cameras", "new camera", "401 201 201 403 403 403 403 403", (caller, api) -> api.post("/api/cameras", CAMERA));
        row("GET /api/cameras/{id}", "owner's camera", "401 200 404 403 403 403 403 403", (caller, api) -> api.get(camera));
        row("PUT /api/cameras/{id}", "owner's camera", "401 200 404 403 403 403 403 403", (caller, api) -> api.put(camera, CAMERA));
        row("DELETE /api/cameras/{id}", "a camera of owner's", "401 204 404 403 403 403 403 403",
                (caller, api) -> api.delete("/api/cameras/" + register(clients.get(Caller.OWNER))));
        row("POST /api/cameras/{id}/pause", "owner's camera", "401 200 404 403 403 403 403 403",
                (caller, api) -> api.post(camera + "/pause", ""));
        row("POST /api/cameras/{id}/resume", "owner's camera", "401 200 404 403 403 403 403 403",
                (caller, api) -> api.post(camera + "/resume", ""));
        String level2Camera = "/api/cameras/" + clients.get(Caller.OWNER).post("/api/cameras",
                CAMERA.replace("LEVEL_1", "LEVEL_2")).json().path("id").asString();
        row("POST /api/cameras/{id}/pairing-code", "owner's Level 2 camera", "401 201 404 403 403 403 403 403",
                (caller, api) -> api.post(level2Camera + "/pairing-code", ""));
        // Open to a device without an account, but only with a code its camera's owner was shown.
        row("POST /api/device-pairings", "a code never issued", "404 404 404 404 404 404 404 404",
                (caller, api) -> api.post("/api/device-pairings", "{\"code\":\"ABCD-EFGH-JKMN\"}"));
        row("POST /api/cameras/imports", "a CSV file", "401 202 202 403 403 403 403 403",
                (caller, api) -> api.postAs("text/csv", "/api/cameras/imports", IMPORT_FILE));
        row("GET /api/cameras/imports/{id}", "owner's import", "401 200 404 403 403 403 403 403",
                (caller, api) -> api.get(ownersImport));
        row("GET /api/search/within", "Dallas", "401 403 403 200+ 200- 200+ 403 403", (caller, api) -> api.get(DALLAS_SEARCH));
        row("GET /api/search/within", "Richardson", "401 403 403 200- 200+ 200- 403 403",
                (caller, api) -> api.get(RICHARDSON_SEARCH));
        row("GET /api/search/nearest", "Dallas", "401 403 403 200+ 200- 200+ 403 403", (caller, api) -> api.get(DALLAS_NEAREST));
        row("GET /api/search/nearest", "Richardson", "401 403 403 200- 200+ 200- 403 403",
                (caller, api) -> api.get(RICHARDSON_NEAREST));
        row("GET /api/search/within-box", "Dallas", "401 403 403 200+ 200- 200+ 403 403", (caller, api) -> api.get(DALLAS_BOX));
        row("GET /api/search/within-box", "Richardson", "401 403 403 200- 200+ 200- 403 403",
                (caller, api) -> api.get(RICHARDSON_BOX));
        row("POST /api/search/within-polygon", "Dallas", "401 403 403 200+ 200- 200+ 403 403",
                (caller, api) -> api.post("/api/search/within-polygon", DALLAS_POLYGON));
        row("POST /api/search/within-polygon", "Richardson", "401 403 403 200- 200+ 200- 403 403",
                (caller, api) -> api.post("/api/search/within-polygon", RICHARDSON_POLYGON));
        row("GET /api/search/clusters", "Dallas", "401 403 403 200+ 200- 200+ 403 403", (caller, api) -> api.get(DALLAS_CLUSTERS));
        row("GET /api/search/clusters", "Richardson", "401 403 403 200- 200+ 200- 403 403",
                (caller, api) -> api.get(RICHARDSON_CLUSTERS));
        row("GET /api/departments/{id}/jurisdiction", "Dallas", "401 403 403 200 403 200 200 403",
                (caller, api) -> api.get(jurisdiction));
        row("PUT /api/departments/{id}/jurisdiction", "Dallas", "401 403 403 403 403 403 200 403",
                (caller, api) -> api.put(jurisdiction, DemoJurisdiction.DALLAS.geoJson()));
        row("GET /api/departments/{id}/staff", "Dallas", "401 403 403 403 403 403 200 403", (caller, api) -> api.get(staff));
        row("POST /api/departments/{id}/staff", "Dallas", "401 403 403 403 403 403 201 403", (caller, api) -> api.post(staff,
                "{\"email\":\"matrix-" + UUID.randomUUID() + "@dallas.example\",\"role\":\"INVESTIGATOR\"}"));
        row("GET /api/departments/{id}/jurisdiction", "Richardson", "401 403 403 403 200 403 403 403",
                (caller, api) -> api.get(otherJurisdiction));
        row("PUT /api/departments/{id}/jurisdiction", "Richardson", "401 403 403 403 403 403 403 403",
                (caller, api) -> api.put(otherJurisdiction, DemoJurisdiction.RICHARDSON.geoJson()));
        row("GET /api/departments/{id}/staff", "Richardson", "401 403 403 403 403 403 403 403",
                (caller, api) -> api.get(otherStaff));
        row("POST /api/departments/{id}/staff", "Richardson", "401 403 403 403 403 403 403 403", (caller, api) -> api.post(otherStaff,
                "{\"email\":\"matrix-" + UUID.randomUUID() + "@richardson.example\",\"role\":\"INVESTIGATOR\"}"));
        row("GET /api/me", "own account", "401 200 200 200 200 200 200 403", (caller, api) -> api.get("/api/me"));
        row("POST /api/me/email", "own account", "401 202 202 202 202 202 202 403", (caller, api) -> api.post("/api/me/email",
                "{\"email\":\"matrix-" + UUID.randomUUID() + "@example.org\",\"password\":\""
                        + passwordOf(caller) + "\"}"));
        // The password stays as it was (the demo accounts' serve every other test), but it is changed all the same.
        row("POST /api/me/password", "own account", "401 204 204 204 204 204 204 403", (caller, api) -> api.post("/api/me/password",
                "{\"currentPassword\":\"" + passwordOf(caller) + "\",\"newPassword\":\"" + passwordOf(caller) + "\"}"));
        row("POST /api/accounts", "sign-up", "202 202 202 202 202 202 202 202", (caller, api) -> api.post("/api/accounts",
                "{\"email\":\"matrix-" + UUID.randomUUID() + "@example.org\",\"password\":\"" + PASSWORD + "\"}"));
        row("DELETE /api/me", "own account", "401 202 202 403 403 403 403 403", (caller, api) -> api.delete("/api/me"));
    }

    /** A GeoJSON square about 4 km on a side around a point. */
    private static String square(double lat, double lon) {
        double d = 0.02;
        return "{\"type\":\"Polygon\",\"coordinates\":[[[" + (lon - d) + "," + (lat - d) + "],[" + (lon + d) + ","
                + (lat - d) + "],[" + (lon + d) + "," + (lat + d) + "],[" + (lon - d) + "," + (lat + d) + "],["
                + (lon - d) + "," + (lat - d) + "]]]}";
    }

    /** Opens the matrix's owners and their camera through the stack's gateway and issuer. */
    static AccessMatrix prepare(ApiClient gateway, String identityUrl) {
        return new AccessMatrix(gateway, identityUrl);
    }

    /** Calls every cell, row by row, each caller in turn. */
    Result run() {
        List<String> lines = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        StringBuilder header = new StringBuilder("| Request | On | ");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (Caller caller : Caller.values()) {
            header.append(caller.heading).append(" | ");
            rule.append("---|");
        }
        lines.add(header.toString().strip());
        lines.add(rule.toString());
        for (Row row : rows) {
            StringBuilder line = new StringBuilder("| `" + row.request() + "` | " + row.resource() + " | ");
            for (Caller caller : Caller.values()) {
                String expected = row.expected().get(caller);
                String actual = outcome(row.request(), row.call().apply(caller, clients.get(caller)));
                line.append(actual.equals(expected) ? actual : actual + " (expected " + expected + ")").append(" | ");
                if (!actual.equals(expected)) {
                    mismatches.add(row.request() + " on " + row.resource() + " as " + caller.heading + ": " + actual
                            + ", expected " + expected);
                }
            }
            lines.add(line.toString().strip());
        }
        return new Result(String.join("\n", lines) + "\n", mismatches);
    }

    /**
     * @param table      the matrix, as a Markdown table
     * @param mismatches every cell whose answer was not the one expected
     */
    record Result(String table, List<String> mismatches) {
    }

    private static String passwordOf(Caller caller) {
        return caller == Caller.OWNER || caller == Caller.SECOND_OWNER ? PASSWORD : DemoAccounts.PASSWORD;
    }

    private void row(String request, String resource, String expected, BiFunction<Caller, ApiClient, ApiClient.Response> call) {
        String[] statuses = expected.split(" ");
        Map<Caller, String> byCaller = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            byCaller.put(caller, statuses[caller.ordinal()]);
        }
        rows.add(new Row(request, resource, byCaller, call));
    }

    private static String outcome(String request, ApiClient.Response response) {
        if (request.contains(" /api/search/") && response.status() == 200) {
            // A search answers cameras, or for a map, clusters of them.
            String found = request.contains("/clusters") ? "clusters" : "cameras";
            return response.json().path(found).isEmpty() ? "200-" : "200+";
        }
        return String.valueOf(response.status());
    }

    private static String register(ApiClient owner) {
        ApiClient.Response created = owner.post("/api/cameras", CAMERA);
        if (created.status() != 201) {
            throw new IllegalStateException("the matrix's owner could not register a camera: " + created.body());
        }
        return created.json().path("id").asString();
    }

    /** A new verified owner, opened with the operator's endpoint as the demo loader opens its accounts. */
    private static FreshToken freshOwner(String identityUrl) {
        String email = "matrix-owner-" + UUID.randomUUID() + "@example.org";
        send(HttpRequest.newBuilder(URI.create(identityUrl + "/actuator/accounts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("email", email, "password", PASSWORD, "role", "OWNER")))).build());
        return new FreshToken(() -> SignIn.asCameraCli(URI.create(identityUrl)).withPassword(email, PASSWORD).accessToken());
    }

    /** The demo dispatch system's token, by client credentials. */
    private static String dispatchToken(String identityUrl) {
        String basic = Base64.getEncoder().encodeToString((DemoAccounts.DISPATCH_CLIENT + ":" + DemoAccounts.DISPATCH_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        String body = send(HttpRequest.newBuilder(URI.create(identityUrl + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=incidents:write")).build());
        return JSON.readTree(body).path("access_token").asString();
    }

    private static String send(HttpRequest request) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private record Row(String request, String resource, Map<Caller, String> expected,
            BiFunction<Caller, ApiClient, ApiClient.Response> call) {
    }
}
