package org.cameraregistry.notification;

import org.cameraregistry.testkit.TestIssuer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * notification-service as it runs, on the shared broker, MongoDB wire server and SMTP server, with
 * short backoffs and digest windows; one context for all subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "notification.delivery.max-attempts=6",
        "notification.delivery.initial-backoff=PT0.3S",
        "notification.delivery.max-backoff=PT2S",
        "notification.events.retries=6",
        "notification.events.max-backoff=PT2S",
        "notification.digest.window=PT4S",
        "notification.digest.poll=PT0.5S",
        "notification.program.public-base-url=https://cameras.dallaspolice.example",
        "notification.unsubscribe.signing-key=dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LXRlc3Qtb25seQ=="})
public abstract class NotificationIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        properties.add("spring.mongodb.uri", TestInfrastructure.INFRASTRUCTURE::mongoUri);
        properties.add("spring.kafka.bootstrap-servers", TestInfrastructure.INFRASTRUCTURE::kafkaBrokers);
        properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestIssuer.shared()::issuer);
        properties.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestIssuer.shared()::jwkSetUri);
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> TestInfrastructure.SMTP_PORT);
    }
}
