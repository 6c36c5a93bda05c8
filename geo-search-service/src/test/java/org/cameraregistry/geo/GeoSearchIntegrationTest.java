package org.cameraregistry.geo;

import org.cameraregistry.testkit.TestIssuer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** geo-search as it runs, on the shared broker and MongoDB wire server; one context for all subclasses. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"service.instance-id=" + GeoSearchIntegrationTest.INSTANCE,
                // So that a jurisdiction another instance sets is seen within a test's patience.
                "geo-search.jurisdictions.refresh=PT1S"})
public abstract class GeoSearchIntegrationTest {

    public static final String INSTANCE = "it";
    /** The consumer group of the instance under test. */
    public static final String CONSUMER_GROUP = "geo-search-" + INSTANCE;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        properties.add("spring.mongodb.uri", TestInfrastructure.INFRASTRUCTURE::mongoUri);
        properties.add("spring.kafka.bootstrap-servers", TestInfrastructure.INFRASTRUCTURE::kafkaBrokers);
        properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestIssuer.shared()::issuer);
        properties.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestIssuer.shared()::jwkSetUri);
    }
}
