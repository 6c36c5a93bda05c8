package org.cameraregistry.identity.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.cameraregistry.cli.SignIn;
import org.cameraregistry.identity.IdentityIntegrationTest;
import org.cameraregistry.identity.TestAccounts;
import org.cameraregistry.identity.account.Account;
import org.cameraregistry.identity.account.AccountStore;
import org.cameraregistry.identity.account.Role;
import org.cameraregistry.identity.client.ClientDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider from outside, as clients use it: discovery, the command-line client's authorization
 * code with PKCE through the sign-in page, a dispatch system's client credentials, and the tokens'
 * claims checked against the published JWKS.
 */
class AuthorizationServerIT extends IdentityIntegrationTest {

    private static final URI CLI_REDIRECT = URI.create("http://127.0.0.1:41771/callback");

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = new JsonMapper();

    @Autowired
    private AccountStore store;
    @Autowired
    private PasswordEncoder passwords;
    @Autowired
    private ClientDirectory clients;
    private TestAccounts accounts;
    private JwtDecoder decoder;

    @BeforeEach
    void setUp() {
        accounts = new TestAccounts(store, passwords);
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSetUri(ISSUER + "/oauth2/jwks").build();
        nimbus.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
        decoder = nimbus;
    }

    @Test
    void discoveryNamesTheIssuerAndItsKeys() throws Exception {
        JsonNode discovery = getJson("/.well-known/openid-configuration");

        assertThat(discovery.path("issuer").asString()).isEqualTo(ISSUER);
        assertThat(discovery.path("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
        assertThat(discovery.path("code_challenge_methods_supported").toString()).contains("S256");
        JsonNode keys = getJson("/oauth2/jwks").path("keys");
        assertThat(keys.size()).isPositive();
        keys.forEach(key -> assertThat(key.has("d")).as("a private part published").isFalse());
    }

    @Test
    void anOwnerSignedInByTheCommandLineClientGetsAShortLivedTokenForTheApi() {
        Account owner = accounts.owner();

        SignIn.Tokens tokens = cli().withPassword(owner.email(), TestAccounts.PASSWORD);

        Jwt token = decoder.decode(tokens.accessToken());
        assertThat(token.getSubject()).isEqualTo(owner.id().toString());
        assertThat(token.getAudience()).containsExactly("camera-registry");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("OWNER");
        assertThat(token.hasClaim("department")).isFalse();
        assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofMinutes(5));
        assertThat(token.getClaimAsString("email")).as("an address in an access token").isNull();
    }

    @Test
    void staffTokensNameTheirDepartment() {
        Account investigator = accounts.create(TestAccounts.unique("investigator"), true,
                Set.of(Role.INVESTIGATOR, Role.SUPERVISOR), Optional.of("dallas"), false);

        Jwt token = decoder.decode(cli().withPassword(investigator.email(), TestAccounts.PASSWORD).accessToken());

        assertThat(token.getClaimAsStringList("roles")).containsExactly("INVESTIGATOR", "SUPERVISOR");
        assertThat(token.getClaimAsString("department")).isEqualTo("dallas");
    }

    @Test
    void aWrongPasswordAnUnknownAddressAnUnverifiedAndADisabledAccountAreRefusedAlike() {
        Account owner = accounts.owner();
        Account unverified = accounts.create(TestAccounts.unique("unverified"), false, Set.of(Role.OWNER), Optional.empty(), false);
        Account disabled = accounts.create(TestAccounts.unique("disabled"), true, Set.of(Role.INVESTIGATOR),
                Optional.of("dallas"), true);

        String wrongPassword = refusal(owner.email(), "not-the-password-at-all");
        String unknown = refusal(TestAccounts.unique("nobody"), TestAccounts.PASSWORD);
        String unverifiedWrong = refusal(unverified.email(), "not-the-password-at-all");
        String disabledWrong = refusal(disabled.email(), "not-the-password-at-all");

        assertThat(wrongPassword).isEqualTo(unknown).isEqualTo(unverifiedWrong).isEqualTo(disabledWrong);
        assertThatThrownBy(() -> cli().withPassword(unverified.email(), TestAccounts.PASSWORD))
                .isInstanceOf(SignIn.SignInRefusedException.class);
        assertThatThrownBy(() -> cli().withPassword(disabled.email(), TestAccounts.PASSWORD))
                .isInstanceOf(SignIn.SignInRefusedException.class);
    }

    @Test
    void aDispatchSystemGetsATokenOfItsDepartmentForIncidentsOnly() throws Exception {
        clients.saveDispatchClient("richardson-dispatch-test", "a-long-dispatch-secret", "richardson");

        HttpResponse<String> answer = clientCredentials("richardson-dispatch-test", "a-long-dispatch-secret", "incidents:write");

        assertThat(answer.statusCode()).isEqualTo(200);
        Jwt token = decoder.decode(json.readTree(answer.body()).path("access_token").asString());
        assertThat(token.getSubject()).isEqualTo("richardson-dispatch-test");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("DISPATCH");
        assertThat(token.getClaimAsString("department")).isEqualTo("richardson");
        assertThat(token.getClaimAsStringList("scope")).containsExactly("incidents:write");
        assertThat(token.getAudience()).containsExactly("camera-registry");
        assertThat(clientCredentials("richardson-dispatch-test", "not-the-secret", "incidents:write").statusCode()).isEqualTo(401);
        assertThat(clientCredentials("richardson-dispatch-test", "a-long-dispatch-secret", "cameras:read").statusCode()).isEqualTo(400);
    }

    @Test
    void theCommandLineClientMustProveItsCodeAndUseALoopbackRedirect() throws Exception {
        HttpResponse<String> withoutChallenge = http.send(HttpRequest.newBuilder(URI.create(ISSUER
                        + "/oauth2/authorize?response_type=code&client_id=camera-cli&scope=openid&redirect_uri="
                        + CLI_REDIRECT)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> elsewhere = http.send(HttpRequest.newBuilder(URI.create(ISSUER
                        + "/oauth2/authorize?response_type=code&client_id=camera-cli&scope=openid&code_challenge_method=S256"
                        + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&redirect_uri=http://attacker.example/callback"))
                        .header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(withoutChallenge.statusCode()).isIn(302, 400);
        withoutChallenge.headers().firstValue("Location").ifPresent(location -> assertThat(location).contains("error=invalid_request"));
        assertThat(elsewhere.statusCode()).as("a redirect to an address the client does not have").isEqualTo(400);
    }

    private SignIn cli() {
        return new SignIn(URI.create(ISSUER), "camera-cli", CLI_REDIRECT);
    }

    private String refusal(String email, String password) {
        try {
            cli().withPassword(email, password);
            throw new AssertionError("signed in " + email);
        } catch (SignIn.SignInRefusedException e) {
            return e.getMessage();
        }
    }

    private HttpResponse<String> clientCredentials(String clientId, String secret, String scope) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(ISSUER + "/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + scope)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(ISSUER + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return json.readTree(answer.body());
    }
}
