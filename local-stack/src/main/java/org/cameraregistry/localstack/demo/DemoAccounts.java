package org.cameraregistry.localstack.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cameraregistry.cli.SignIn;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local stack's demo accounts, opened through identity-service's operator endpoints (which
 * answer only on its host) and signed in as camera-cli signs in: two owners, Dallas's staff, an
 * investigator and the admin of neighbouring Richardson, and Dallas's dispatch system. Opening them again leaves
 * them as they are.
 */
public final class DemoAccounts {

    /** Every demo account's password. */
    public static final String PASSWORD = "correct-horse-battery-staple";
    public static final String OWNER = "owner@demo.example";
    public static final String SECOND_OWNER = "owner2@demo.example";
    public static final String INVESTIGATOR = "investigator@dallas.demo.example";
    public static final String SUPERVISOR = "supervisor@dallas.demo.example";
    public static final String DEPARTMENT_ADMIN = "admin@dallas.demo.example";
    public static final String NEIGHBOURING_INVESTIGATOR = "investigator@richardson.demo.example";
    public static final String NEIGHBOURING_DEPARTMENT_ADMIN = "admin@richardson.demo.example";
    public static final String DISPATCH_CLIENT = "dallas-dispatch";
    public static final String DISPATCH_SECRET = "dallas-dispatch-secret";
    public static final String DALLAS = "dallas";
    public static final String RICHARDSON = "richardson";

    private static final List<Account> ACCOUNTS = List.of(
            new Account(OWNER, "OWNER", null, "Demo Owner"),
            new Account(SECOND_OWNER, "OWNER", null, "Second Demo Owner"),
            new Account(INVESTIGATOR, "INVESTIGATOR", DALLAS, "Dallas Investigator"),
            new Account(SUPERVISOR, "SUPERVISOR", DALLAS, "Dallas Supervisor"),
            new Account(DEPARTMENT_ADMIN, "DEPT_ADMIN", DALLAS, "Dallas Department Admin"),
            new Account(NEIGHBOURING_INVESTIGATOR, "INVESTIGATOR", RICHARDSON, "Richardson Investigator"),
            new Account(NEIGHBOURING_DEPARTMENT_ADMIN, "DEPT_ADMIN", RICHARDSON, "Richardson Department Admin"));
    private static final JsonMapper JSON = new JsonMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String identityUrl;

    /** @param identityUrl an instance of identity-service on this host, which is also the issuer */
    public DemoAccounts(String identityUrl) {
        this.identityUrl = identityUrl;
    }

    /** Registers the demo departments, opens every demo account and registers the dispatch client, unless they exist. */
    public void open() {
        post("/actuator/departments", Map.of("id", DALLAS, "name", "Dallas Police Department"));
        post("/actuator/departments", Map.of("id", RICHARDSON, "name", "Richardson Police Department"));
        for (Account account : ACCOUNTS) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("email", account.email());
            body.put("password", PASSWORD);
            body.put("role", account.role());
            body.put("department", account.department());
            body.put("displayName", account.displayName());
            post("/actuator/accounts", body);
        }
        post("/actuator/dispatchclients", Map.of("clientId", DISPATCH_CLIENT, "secret", DISPATCH_SECRET,
                "department", DALLAS));
    }

    /** A fresh access token of a demo account. */
    public String tokenOf(String email) {
        return SignIn.asCameraCli(URI.create(identityUrl)).withPassword(email, PASSWORD).accessToken();
    }

    private void post(String path, Map<String, Object> body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(identityUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("identity-service refused " + path + " (HTTP " + response.statusCode()
                        + "): " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("identity-service did not answer " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private record Account(String email, String role, String department, String displayName) {
    }
}
