package org.cameraregistry.identity;

import org.cameraregistry.events.Topics;
import org.cameraregistry.identity.password.BreachCorpusStub;
import org.cameraregistry.testkit.EmbeddedInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * identity-service as it runs, on the shared broker and MongoDB wire server, at a port fixed before
 * the context starts, since the issuer, which every token names, contains it; one context for all
 * subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "identity.clients.gateway.secret=test-gateway-secret",
        "identity.signing-keys.encryption-password=test-only-signing-key-password",
        "identity.public-base-url=https://identity.cameras.example"})
public abstract class IdentityIntegrationTest {

    public static final EmbeddedInfrastructure INFRASTRUCTURE = EmbeddedInfrastructure.withTopics(Topics.all());
    public static final int PORT = EmbeddedInfrastructure.freePort();
    public static final String ISSUER = "http://localhost:" + PORT;
    /** A password every other check accepts, but the (stub) breach corpus holds. */
    public static final String BREACHED_PASSWORD = "maple syrup pancake morning";
    /** The breached-password range API, a local stub: tests never reach the real one. */
    public static final BreachCorpusStub BREACH_CORPUS = BreachCorpusStub.holding(BREACHED_PASSWORD);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        properties.add("server.port", () -> PORT);
        properties.add("spring.security.oauth2.authorizationserver.issuer", () -> ISSUER);
        properties.add("spring.mongodb.uri", INFRASTRUCTURE::mongoUri);
        properties.add("spring.kafka.bootstrap-servers", INFRASTRUCTURE::kafkaBrokers);
        properties.add("identity.passwords.breached.range-api", () -> BREACH_CORPUS.url().toString());
    }
}
