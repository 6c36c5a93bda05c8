package org.cameraregistry.registry;

import org.cameraregistry.testkit.TestIssuer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The registry as it runs, on the shared broker and MongoDB wire server; one context for all subclasses. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RegistryIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        properties.add("spring.mongodb.uri", TestInfrastructure.INFRASTRUCTURE::mongoUri);
        properties.add("spring.kafka.bootstrap-servers", TestInfrastructure.INFRASTRUCTURE::kafkaBrokers);
        properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestIssuer.shared()::issuer);
        properties.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestIssuer.shared()::jwkSetUri);
    }
}
