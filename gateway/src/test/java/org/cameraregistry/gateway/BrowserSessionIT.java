package org.cameraregistry.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.cameraregistry.testkit.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway as the browser's backend, up to the provider's door: where it sends a browser to sign
 * in, the session cookie it sets, and the CSRF rule for requests riding a session. The whole
 * journey through the real provider is LocalStackIT's.
 */
class BrowserSessionIT {

    private static final StubService REGISTRY = new StubService("registry");
    private static Gateways gateway;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        gateway = Gateways.start(
                "--gateway.services.registry-service=" + REGISTRY.url(),
                "--gateway.browser.issuer=http://provider.example:8086/",
                // As behind a proxy that ends TLS: the gateway learns the scheme from X-Forwarded-Proto.
                "--server.forward-headers-strategy=framework");
        api = gateway.api();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        REGISTRY.close();
    }

    @Test
    void aBrowserNotSignedInIsToldWhereToSignIn() {
        ApiClient.Response session = api.get("/session");

        assertThat(session.status()).isEqualTo(200);
        assertThat(session.json().path("signedIn").asBoolean()).isFalse();
        assertThat(session.json().path("signIn").asString()).isEqualTo("/oauth2/authorization/camera-registry");
        assertThat(session.header("Cache-Control")).contains("no-store");
        assertThat(session.raw().headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void signingInSendsTheBrowserToTheProviderWithPkceAndASessionCookieItsScriptsCannotRead() {
        ApiClient.Response start = api.get("/oauth2/authorization/camera-registry");

        assertThat(start.status()).isEqualTo(302);
        URI authorize = URI.create(start.header("Location").orElseThrow());
        assertThat(authorize.getHost()).isEqualTo("provider.example");
        assertThat(authorize.getPath()).isEqualTo("/oauth2/authorize");
        assertThat(authorize.getQuery())
                .contains("response_type=code", "client_id=gateway", "code_challenge_method=S256", "code_challenge=",
                        "state=", "nonce=")
                .contains("redirect_uri=" + api.baseUrl() + "/login/oauth2/code/camera-registry")
                .contains("scope=openid email");
        String cookie = sessionCookie(start);
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void overTlsTheSessionCookieIsSecure() {
        ApiClient.Response start = api.get("/oauth2/authorization/camera-registry", "X-Forwarded-Proto", "https");

        assertThat(sessionCookie(start)).contains("Secure").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void aChangeRidingASessionWithoutItsCsrfTokenIs403AndNeverReachesTheService() {
        String session = sessionCookie(api.get("/oauth2/authorization/camera-registry")).split(";")[0];
        int before = REGISTRY.received().size();

        for (String method : List.of("POST", "PUT", "DELETE")) {
            ApiClient.Response refused = switch (method) {
                case "POST" -> api.post("/api/cameras", "{\"label\":\"Porch\"}", "Cookie", session);
                case "PUT" -> api.put("/api/cameras/8f1c", "{\"label\":\"Porch\"}", "Cookie", session);
                default -> api.delete("/api/cameras/8f1c", "Cookie", session);
            };
            assertThat(refused.status()).as(method).isEqualTo(403);
            assertThat(refused.header("Content-Type")).as(method).contains("application/problem+json");
            assertThat(refused.json().path("type").asString()).as(method)
                    .isEqualTo("https://cameraregistry.org/problems/csrf-token-required");
        }
        assertThat(REGISTRY.received()).hasSize(before);
    }

    @Test
    void aRequestWithItsOwnBearerTokenOrNoSessionNeedsNoCsrfToken() {
        String session = sessionCookie(api.get("/oauth2/authorization/camera-registry")).split(";")[0];

        assertThat(api.post("/api/cameras", "{\"label\":\"Porch\"}", "Cookie", session, "Authorization", "Bearer a-token").status())
                .isEqualTo(201);
        assertThat(api.post("/api/cameras", "{\"label\":\"Porch\"}").status()).isEqualTo(201);
        assertThat(api.get("/api/cameras", "Cookie", session).status()).isEqualTo(200);
    }

    @Test
    void anApiRequestWithItsOwnTokenGoesOnAsItCameAndIsGivenNoSession() {
        String session = sessionCookie(api.get("/oauth2/authorization/camera-registry")).split(";")[0];

        ApiClient.Response alone = api.get("/api/cameras", "Authorization", "Bearer its-own-token");
        assertThat(alone.status()).isEqualTo(200);
        assertThat(alone.raw().headers().allValues("Set-Cookie")).isEmpty();
        assertThat(REGISTRY.received().getLast().authorization()).isEqualTo("Bearer its-own-token");

        ApiClient.Response withSession = api.get("/api/cameras", "Cookie", session, "Authorization", "Bearer its-own-token");
        assertThat(withSession.status()).isEqualTo(200);
        assertThat(withSession.raw().headers().allValues("Set-Cookie")).isEmpty();
        assertThat(REGISTRY.received().getLast().authorization()).isEqualTo("Bearer its-own-token");
    }

    @Test
    void anApiRequestWithItsOwnTokenStillPassesTheFirewallFirst() {
        int before = REGISTRY.received().size();

        // An encoded dot segment is how a path slips past a service's own path rules: refused at the edge.
        ApiClient.Response sneaking = api.get("/api/cameras/%2e%2e/accounts", "Authorization", "Bearer its-own-token");

        assertThat(sneaking.status()).isEqualTo(400);
        assertThat(sneaking.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(sneaking.raw().body()).contains("\"type\":\"https://cameraregistry.org/problems/request-refused\"");
        assertThat(REGISTRY.received()).hasSize(before);
    }

    private static String sessionCookie(ApiClient.Response response) {
        return response.raw().headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("SESSION="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + response.raw().headers().map()));
    }
}
