package org.cameraregistry.identity.signingkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.cameraregistry.identity.IdentityApplication;
import org.cameraregistry.identity.IdentityIntegrationTest;
import org.cameraregistry.identity.client.ClientDirectory;
import org.cameraregistry.testkit.EmbeddedInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signing keys outlive the process and rotate without breaking a token: each test runs its own
 * instances of the service, one after the other or side by side, on a database of its own.
 */
class SigningKeysIT {

    private static final String ISSUER = "https://identity.test.example";
    private static final String DISPATCH = "keys-test-dispatch";
    private static final String SECRET = "keys-test-dispatch-secret";

    private final EmbeddedInfrastructure infrastructure = IdentityIntegrationTest.INFRASTRUCTURE;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = new JsonMapper();
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    @AfterEach
    void stop() {
        running.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aTokenSignedBeforeARestartIsCheckedAfterIt() throws Exception {
        String database = "identity-" + UUID.randomUUID();
        Instance first = start(database, "--identity.signing-keys.check-every=PT1M");
        String token = dispatchToken(first);
        List<String> keysBefore = keyIds(first);
        first.context().close();

        Instance second = start(database, "--identity.signing-keys.check-every=PT1M");

        assertThat(keyIds(second)).isEqualTo(keysBefore);
        Jwt checked = decoder(second).decode(token);
        assertThat(checked.getSubject()).isEqualTo(DISPATCH);
        assertThat(headerKeyId(dispatchToken(second))).isEqualTo(headerKeyId(token));
    }

    @Test
    void aRotatedKeyIsPublishedBeforeItSignsAndTheOldOneUntilItsTokensHaveExpired() throws Exception {
        String database = "identity-" + UUID.randomUUID();
        int managementPort = EmbeddedInfrastructure.freePort();
        Instance instance = start(database,
                "--management.server.port=" + managementPort,
                "--identity.signing-keys.publish-before-use=PT2S",
                "--identity.signing-keys.retain-after-successor=PT3S",
                "--identity.signing-keys.check-every=PT0.5S");
        String oldToken = dispatchToken(instance);
        String oldKey = headerKeyId(oldToken);

        HttpResponse<String> refused = post(instance.url() + "/actuator/signingkeys");
        HttpResponse<String> rotated = post("http://localhost:" + managementPort + "/actuator/signingkeys");

        assertThat(refused.statusCode()).as("rotating on the public port").isIn(401, 403);
        assertThat(rotated.statusCode()).isEqualTo(200);
        String newKey = json.readTree(rotated.body()).path("id").asString();
        assertThat(keyIds(instance)).containsExactly(newKey, oldKey);
        assertThat(headerKeyId(dispatchToken(instance))).as("signing with a key not yet published everywhere").isEqualTo(oldKey);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(headerKeyId(dispatchToken(instance))).isEqualTo(newKey));
        assertThat(keyIds(instance)).contains(oldKey);
        assertThat(decoder(instance).decode(oldToken).getSubject()).isEqualTo(DISPATCH);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(keyIds(instance)).containsExactly(newKey));
        assertThatThrownBy(() -> decoder(instance).decode(oldToken)).isInstanceOf(BadJwtException.class);
    }

    private Instance start(String database, String... arguments) {
        int port = EmbeddedInfrastructure.freePort();
        List<String> all = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.security.oauth2.authorizationserver.issuer=" + ISSUER,
                "--spring.mongodb.uri=" + infrastructure.mongoUri(),
                "--spring.mongodb.database=" + database,
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBrokers(),
                "--identity.signing-keys.encryption-password=test-only-signing-key-password"));
        all.addAll(List.of(arguments));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(IdentityApplication.class)
                .run(all.toArray(String[]::new));
        running.add(context);
        context.getBean(ClientDirectory.class).saveDispatchClient(DISPATCH, SECRET, "dallas");
        return new Instance(context, "http://localhost:" + port);
    }

    private String dispatchToken(Instance instance) throws Exception {
        String basic = Base64.getEncoder().encodeToString((DISPATCH + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(instance.url() + "/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=incidents:write")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body()).path("access_token").asString();
    }

    private List<String> keyIds(Instance instance) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(instance.url() + "/oauth2/jwks")).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> ids = new ArrayList<>();
        json.readTree(answer.body()).path("keys").forEach(key -> ids.add(key.path("kid").asString()));
        return ids;
    }

    private String headerKeyId(String token) {
        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
        return header.path("kid").asString();
    }

    private static NimbusJwtDecoder decoder(Instance instance) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(instance.url() + "/oauth2/jwks").build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
        return decoder;
    }

    private HttpResponse<String> post(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private record Instance(ConfigurableApplicationContext context, String url) {
    }
}
