package org.cameraregistry.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cameraregistry.testkit.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The portal's pages as the gateway serves them. */
class PortalIT {

    private static final StubService IDENTITY = new StubService("identity");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Gateways gateway;
    private static ApiClient browser;

    @BeforeAll
    static void start() {
        gateway = Gateways.start("--gateway.services.identity-service=" + IDENTITY.url(),
                "--gateway.portal.map.tile-url=https://{s}.tiles.city.example/{z}/{x}/{y}.png",
                "--gateway.browser.issuer=http://provider.example:8086");
        browser = gateway.api();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        IDENTITY.close();
    }

    @Test
    void theHomePageSaysWhatTheProgramIsAndOffersSignIn() {
        ApiClient.Response home = browser.get("/", "Accept", "text/html");

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.header("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(home.body()).contains("Level 1", "Level 2", "What the police can and cannot do", "Our promises about your data")
                .contains("href=\"/oauth2/authorization/camera-registry\"", "href=\"/signup\"");
        // A visit starts no session: only a form does.
        assertThat(home.raw().headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void anOwnersPageSendsABrowserNotSignedInToSignInFirst() {
        for (String page : new String[] {"/cameras", "/cameras/new", "/cameras/0b0e8c52-3d55-4f7e-9a43-5c2f3d1e9a10/edit",
                "/account", "/account/delete", "/cameras/import", "/cameras/import/0b0e8c52-3d55-4f7e-9a43-5c2f3d1e9a10"}) {
            ApiClient.Response answer = browser.get(page, "Accept", "text/html");

            assertThat(answer.status()).as(page).isEqualTo(302);
            assertThat(answer.header("Location")).as(page).contains("/oauth2/authorization/camera-registry");
        }
    }

    @Test
    void theGatewayGeneratesNoSignInPageOfItsOwn() {
        ApiClient.Response login = browser.get("/login", "Accept", "text/html");

        assertThat(login.body()).doesNotContain("<form");
        assertThat(login.status()).isEqualTo(404);
    }

    @Test
    void signingUpSendsTheAddressAndPasswordToIdentityAndSaysToCheckTheEmail() throws Exception {
        IDENTITY.serving("/api/accounts", 202, "{\"message\":\"on its way\"}");
        Form page = Form.open("/signup");
        int before = IDENTITY.received().size();

        HttpResponse<String> sent = page.post("/signup", "email=new.owner%40example.com&password=" + encode("long enough passphrase here"));

        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.headers().firstValue("Location")).contains("/signup/sent");
        StubService.Received call = IDENTITY.received().get(before);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.uri()).isEqualTo("/api/accounts");
        assertThat(call.body()).contains("\"email\":\"new.owner@example.com\"", "\"password\":\"long enough passphrase here\"");
        assertThat(browser.get("/signup/sent").body()).contains("Check your email");
    }

    @Test
    void aPasswordIdentityRefusesIsExplainedEscapedAndNeverSentBack() throws Exception {
        IDENTITY.serving("/api/accounts", 400, """
                {"type":"https://cameraregistry.org/problems/weak-password","status":400,"reason":"common",
                 "detail":"This password is one of the most common <b>ones</b>; choose another."}""");
        try {
            Form page = Form.open("/signup");

            HttpResponse<String> refused = page.post("/signup", "email=owner%40example.com&password=password1234");

            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("one of the most common &lt;b&gt;ones&lt;/b&gt;")
                    .contains("value=\"owner@example.com\"")
                    .doesNotContain("password1234");
        } finally {
            IDENTITY.serving("/api/accounts", 202, "{\"message\":\"on its way\"}");
        }
    }

    @Test
    void aPortalFormWithoutItsCsrfTokenIsRefusedAndNothingIsSent() throws Exception {
        Form page = Form.open("/signup");
        int before = IDENTITY.received().size();

        HttpResponse<String> withoutToken = HTTP.send(HttpRequest.newBuilder(URI.create(browser.baseUrl() + "/signup"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", page.cookie())
                .POST(HttpRequest.BodyPublishers.ofString("email=a%40example.com&password=long+enough+passphrase")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> withoutSession = HTTP.send(HttpRequest.newBuilder(URI.create(browser.baseUrl() + "/signup"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=a%40example.com&password=long+enough+passphrase&_csrf=" + page.token)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutSession.statusCode()).isEqualTo(403);
        assertThat(IDENTITY.received()).hasSize(before);
    }

    @Test
    void theMapsScriptsAndStylesAreServedFromTheGateway() {
        assertThat(browser.get("/webjars/leaflet/dist/leaflet.js").status()).isEqualTo(200);
        assertThat(browser.get("/webjars/leaflet/dist/leaflet.css").status()).isEqualTo(200);
        ApiClient.Response script = browser.get("/portal/map.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.body()).contains("textContent");
    }

    @Test
    void theImportTemplateNamesEveryColumnTheRegistryReads() {
        ApiClient.Response template = browser.get("/portal/camera-import-template.csv");

        assertThat(template.status()).isEqualTo(200);
        assertThat(template.body().lines().findFirst().orElseThrow()).isEqualTo("reference,label,latitude,longitude,level,"
                + "facing_degrees,field_of_view_degrees,views,records_audio,retention_days,shares_past_footage");
    }

    @Test
    void theConfiguredTilesAreTheOnlyImagesFromElsewhereAndFormsGoOnlyHereOrToTheProvider() {
        String policy = browser.get("/", "Accept", "text/html").header("Content-Security-Policy").orElseThrow();

        assertThat(policy).contains("img-src 'self' data: https://*.tiles.city.example;")
                .contains("form-action 'self' http://provider.example:8086;");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A portal page with a form, as a browser holds it: the session cookie and the form's CSRF token. */
    private record Form(String cookie, String token) {

        static Form open(String path) throws Exception {
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(browser.baseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            Matcher token = CSRF_FIELD.matcher(page.body());
            assertThat(token.find()).as("a CSRF field in " + path).isTrue();
            String cookie = page.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith("SESSION="))
                    .map(value -> value.split(";")[0]).findFirst().orElseThrow();
            return new Form(cookie, token.group(1));
        }

        HttpResponse<String> post(String path, String body) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(URI.create(browser.baseUrl() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                    .POST(HttpRequest.BodyPublishers.ofString(body + "&_csrf=" + encode(token))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void pagesMayRunOnlyThePortalsOwnScriptsAndStylesAndAreNotFramed() {
        ApiClient.Response home = browser.get("/", "Accept", "text/html");

        String policy = home.header("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(home.header("X-Frame-Options")).contains("DENY");
        assertThat(home.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(home.body()).doesNotContain("<script>").doesNotContain("style=\"");
    }

    @Test
    void theStylesheetIsServed() {
        ApiClient.Response css = browser.get("/portal/portal.css");

        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type").orElseThrow()).startsWith("text/css");
        assertThat(css.body()).contains("focus-visible");
    }
}
