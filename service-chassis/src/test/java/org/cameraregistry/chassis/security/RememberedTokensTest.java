package org.cameraregistry.chassis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class RememberedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-06T04:00:00Z");

    /** Checks as the issuer's would: a token named "bad..." fails, any other passes, expiring when its name says. */
    private final List<String> checked = new ArrayList<>();
    private final JwtDecoder checks = token -> {
        checked.add(token);
        if (token.startsWith("bad")) {
            throw new BadJwtException("An error occurred while attempting to decode the Jwt: signature invalid");
        }
        Instant expiresAt = NOW.plusSeconds(Long.parseLong(token.substring(token.indexOf('-') + 1)));
        return new Jwt(token, NOW.minusSeconds(10), expiresAt, Map.of("alg", "RS256"), Map.of("sub", token));
    };
    private Instant now = NOW;
    private final RememberedTokens tokens = new RememberedTokens(checks, 100, new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void aTokenThatPassedIsNotCheckedAgainWhileItIsValid() {
        Jwt first = tokens.decode("alice-300");
        Jwt again = tokens.decode("alice-300");

        assertThat(again).isSameAs(first);
        assertThat(checked).containsExactly("alice-300");
    }

    @Test
    void eachTokenIsCheckedOnItsOwn() {
        tokens.decode("alice-300");
        tokens.decode("bob-300");

        assertThat(tokens.decode("bob-300").getSubject()).isEqualTo("bob-300");
        assertThat(checked).containsExactly("alice-300", "bob-300");
    }

    @Test
    void aTokenThatFailedIsCheckedEveryTimeAndFailsEveryTime() {
        assertThatThrownBy(() -> tokens.decode("bad-300")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("bad-300")).isInstanceOf(BadJwtException.class);

        assertThat(checked).containsExactly("bad-300", "bad-300");
    }

    @Test
    void anExpiredTokenIsCheckedAgain() {
        tokens.decode("alice-300");
        now = NOW.plus(Duration.ofSeconds(301));

        tokens.decode("alice-300");

        assertThat(checked).containsExactly("alice-300", "alice-300");
    }
}
