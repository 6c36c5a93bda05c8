package org.cameraregistry.identity.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cameraregistry.departmentprovider.DepartmentProvider;
import org.cameraregistry.identity.IdentityIntegrationTest;
import org.cameraregistry.identity.TestAccounts;
import org.cameraregistry.identity.account.Account;
import org.cameraregistry.identity.account.AccountStore;
import org.cameraregistry.identity.account.Role;
import org.cameraregistry.identity.department.Department;
import org.cameraregistry.identity.department.DepartmentStore;
import org.cameraregistry.testkit.EmbeddedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A department that signs its staff in through its own OpenID Connect provider: a second Spring
 * Authorization Server in this JVM. Its staff get the registry's own tokens, naming their account
 * here, its roles and its department.
 */
class DepartmentSignInIT extends IdentityIntegrationTest {

    private static final String DEPARTMENT = "federated-pd";
    private static final String LOOPBACK = "http://127.0.0.1:41772/callback";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private static final JsonMapper JSON = new JsonMapper();
    private static final String DETECTIVE = "detective-" + UUID.randomUUID() + "@federated.example";
    private static final String STRANGER = "stranger-" + UUID.randomUUID() + "@federated.example";
    private static final String OUTSIDER = "outsider-" + UUID.randomUUID() + "@federated.example";

    private static ConfigurableApplicationContext provider;

    @Autowired
    private AccountStore store;
    @Autowired
    private PasswordEncoder passwords;
    @Autowired
    private DepartmentStore departments;

    @BeforeAll
    static void startTheDepartmentsProvider() {
        provider = DepartmentProvider.start(EmbeddedInfrastructure.freePort(), ISSUER + "/login/oauth2/code/" + DEPARTMENT,
                DETECTIVE, STRANGER, OUTSIDER);
    }

    @AfterAll
    static void stopIt() {
        provider.close();
    }

    @BeforeEach
    void registerTheDepartmentAndItsProvider() throws Exception {
        departments.create(new Department(DEPARTMENT, "Federated Police Department"));
        HttpResponse<String> set = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ISSUER + "/actuator/departmentproviders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("departmentId", DEPARTMENT,
                        "issuer", providerUrl(), "clientId", DepartmentProvider.CLIENT_ID,
                        "clientSecret", DepartmentProvider.CLIENT_SECRET)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    }

    @Test
    void staffSignedInByTheirDepartmentGetTheRegistrysTokenForTheirAccountHere() throws Exception {
        TestAccounts accounts = new TestAccounts(store, passwords);
        // Invited by the department's admin: the address is not verified yet; the department's sign-in proves it.
        Account detective = store.findByEmail(DETECTIVE).orElseGet(() ->
                accounts.create(DETECTIVE, false, Set.of(Role.INVESTIGATOR), Optional.of(DEPARTMENT), false));

        Landing landing = signInThroughTheDepartment(DETECTIVE);

        assertThat(landing.code()).as("an authorization code for camera-cli, at %s", landing.uri()).isPresent();
        JsonNode claims = claimsOf(tokenFor(landing));
        assertThat(claims.path("sub").asString()).isEqualTo(detective.id().toString());
        assertThat(claims.path("department").asString()).isEqualTo(DEPARTMENT);
        assertThat(claims.path("roles").toString()).contains("INVESTIGATOR");
        assertThat(store.findById(detective.id()).orElseThrow().emailVerified()).isTrue();
    }

    @Test
    void someoneTheDepartmentSignsInWithoutAnAccountHereIsRefused() throws Exception {
        Landing landing = signInThroughTheDepartment(STRANGER);

        assertThat(landing.code()).isEmpty();
        assertThat(landing.uri().toString()).isEqualTo(ISSUER + "/login?departmentRefused");
    }

    @Test
    void anAccountOfAnotherDepartmentIsNotSignedInByThisOne() throws Exception {
        TestAccounts accounts = new TestAccounts(store, passwords);
        if (store.findByEmail(OUTSIDER).isEmpty()) {
            accounts.create(OUTSIDER, true, Set.of(Role.DEPT_ADMIN), Optional.of("another-department"), false);
        }

        Landing landing = signInThroughTheDepartment(OUTSIDER);

        assertThat(landing.code()).isEmpty();
        assertThat(landing.uri().toString()).isEqualTo(ISSUER + "/login?departmentRefused");
    }

    @Test
    void theSignInPageOffersTheDepartmentsWayIn() throws Exception {
        String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ISSUER + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();

        assertThat(page).contains("Sign in through Federated Police Department", "/oauth2/authorization/" + DEPARTMENT);
    }

    /** Where a browser ends after signing in at the department: the loopback redirect with a code, or a page. */
    private record Landing(URI uri, Optional<String> code, String verifier) {
    }

    /** camera-cli's authorization request at the registry, signed in through the department's provider. */
    private Landing signInThroughTheDepartment(String email) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(UUID.randomUUID().toString().repeat(2)
                .getBytes(StandardCharsets.US_ASCII));
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        Map<String, String> authorize = new LinkedHashMap<>();
        authorize.put("response_type", "code");
        authorize.put("client_id", "camera-cli");
        authorize.put("redirect_uri", LOOPBACK);
        authorize.put("scope", "openid");
        authorize.put("state", "s");
        authorize.put("code_challenge", challenge);
        authorize.put("code_challenge_method", "S256");
        HttpResponse<String> signInPage = follow(browser, get(browser, URI.create(ISSUER + "/oauth2/authorize?" + form(authorize))));
        assertThat(signInPage.uri().getPath()).isEqualTo("/login");

        // The department's link, then its provider's own sign-in form.
        HttpResponse<String> providerForm = follow(browser, get(browser, URI.create(ISSUER + "/oauth2/authorization/" + DEPARTMENT)));
        assertThat(providerForm.uri().toString()).startsWith(providerUrl() + "/login");
        HttpResponse<String> landed = follow(browser, browser.send(page(providerForm.uri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", email, "password", DepartmentProvider.PASSWORD,
                        "_csrf", csrf(providerForm.body()))))).build(), HttpResponse.BodyHandlers.ofString()));
        URI at = landed.statusCode() / 100 == 3 ? landed.uri().resolve(landed.headers().firstValue("Location").orElseThrow()) : landed.uri();
        Optional<String> code = at.toString().startsWith(LOOPBACK)
                ? Optional.of(query(at).get("code")) : Optional.empty();
        return new Landing(at, code, verifier);
    }

    private static String tokenFor(Landing landing) throws Exception {
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("code", landing.code().orElseThrow());
        exchange.put("redirect_uri", LOOPBACK);
        exchange.put("client_id", "camera-cli");
        exchange.put("code_verifier", landing.verifier());
        HttpResponse<String> tokens = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ISSUER + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(exchange))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return JSON.readTree(tokens.body()).path("access_token").asString();
    }

    private static JsonNode claimsOf(String jwt) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    /** Follows redirects, stopping at the loopback address, where no one listens. */
    private static HttpResponse<String> follow(HttpClient browser, HttpResponse<String> answer) throws Exception {
        HttpResponse<String> current = answer;
        for (int hops = 0; current.statusCode() / 100 == 3 && hops < 12; hops++) {
            URI next = current.uri().resolve(current.headers().firstValue("Location").orElseThrow());
            if (next.toString().startsWith(LOOPBACK)) {
                return current;
            }
            current = get(browser, next);
        }
        return current;
    }

    private static HttpResponse<String> get(HttpClient browser, URI uri) throws Exception {
        return browser.send(page(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder page(URI uri) {
        return HttpRequest.newBuilder(uri).header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    }

    private String providerUrl() {
        return "http://127.0.0.1:" + provider.getEnvironment().getProperty("local.server.port");
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF field in %s", html).isTrue();
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    private static Map<String, String> query(URI uri) {
        return java.util.Arrays.stream(uri.getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> java.net.URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
