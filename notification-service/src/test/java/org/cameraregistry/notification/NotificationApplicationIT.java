package org.cameraregistry.notification;

import org.cameraregistry.testkit.ServiceConventions;
import org.cameraregistry.testkit.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

class NotificationApplicationIT extends NotificationIntegrationTest {

    @LocalServerPort
    private int port;

    @Test
    void followsThePlatformConventions() {
        ServiceConventions.verifyWithToken("http://localhost:" + port, "notification-service", TestIssuer.shared().owner().value());
    }
}
