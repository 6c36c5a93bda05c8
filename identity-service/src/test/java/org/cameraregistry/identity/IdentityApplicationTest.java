package org.cameraregistry.identity;

import org.cameraregistry.testkit.ServiceConventions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityApplicationTest {

    @LocalServerPort
    private int port;

    @Test
    void followsThePlatformConventions() {
        ServiceConventions.verify("http://localhost:" + port, "identity-service");
    }
}
