package org.cameraregistry.access;

import org.cameraregistry.testkit.ServiceConventions;
import org.cameraregistry.testkit.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessControlApplicationTest {

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry properties) {
        properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestIssuer.shared()::issuer);
        properties.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestIssuer.shared()::jwkSetUri);
    }

    @Test
    void followsThePlatformConventions() {
        ServiceConventions.verifyWithToken("http://localhost:" + port, "access-control-service", TestIssuer.shared().owner().value());
    }
}
