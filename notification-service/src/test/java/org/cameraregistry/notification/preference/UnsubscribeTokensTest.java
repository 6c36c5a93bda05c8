package org.cameraregistry.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import org.cameraregistry.notification.NotificationProperties;
import org.cameraregistry.notification.delivery.NotificationKind;
import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final String KEY = Base64.getEncoder().encodeToString("k".repeat(32).getBytes());
    private static final UUID ACCOUNT = UUID.fromString("5a1c9e2b-7d3f-4b8a-a6e1-0c4d2f8b9e13");

    private final UnsubscribeTokens tokens = tokensAt(NOW, KEY);

    @Test
    void aTokenNamesItsAccountAndKindUntilItExpires() {
        String token = tokens.forKind(ACCOUNT, NotificationKind.CAMERA_REGISTERED);

        UnsubscribeTokens.Grant grant = tokens.verify(token).orElseThrow();
        assertThat(grant.accountId()).isEqualTo(ACCOUNT);
        assertThat(grant.scope()).isEqualTo("camera-registered");
        assertThat(grant.expired()).isFalse();
        assertThat(tokensAt(NOW.plus(Duration.ofDays(90)), KEY).verify(token)).get()
                .extracting(UnsubscribeTokens.Grant::expired).isEqualTo(true);
        assertThat(tokens.verify(tokens.forPreferences(ACCOUNT)).orElseThrow().scope()).isEqualTo(UnsubscribeTokens.EVERY_KIND);
    }

    @Test
    void aForgedOrAlteredTokenIsRefused() {
        String token = tokens.forKind(ACCOUNT, NotificationKind.CAMERA_REGISTERED);
        String payload = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);
        String otherAccount = Base64.getUrlEncoder().withoutPadding().encodeToString(
                (UUID.randomUUID() + "|camera-registered|" + NOW.plusSeconds(60).getEpochSecond()).getBytes());

        assertThat(tokens.verify(otherAccount + "." + signature)).isEmpty();
        assertThat(tokens.verify(payload + "." + signature.substring(1))).isEmpty();
        assertThat(tokens.verify(payload)).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
        assertThat(tokens.verify("%%%.###")).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();
        String otherKey = Base64.getEncoder().encodeToString("x".repeat(32).getBytes());
        assertThat(tokensAt(NOW, otherKey).verify(token)).isEmpty();
    }

    private static UnsubscribeTokens tokensAt(Instant now, String key) {
        return new UnsubscribeTokens(new NotificationProperties(null, null,
                new NotificationProperties.Unsubscribe(key, Duration.ofDays(90)), null, null),
                Clock.fixed(now, ZoneOffset.UTC));
    }
}
