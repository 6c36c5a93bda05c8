package org.cameraregistry.chassis.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A service's token checks, remembering each token that passed them until it expires: a console or
 * a script sends the same token with every request for its five minutes, and checking its
 * signature again each time cost a search more CPU than the search itself (docs/benchmarks.md).
 * A token that fails is checked again every time it comes, and a remembered one is forgotten at
 * its expiry, after which the checks decide again. A token signed by a key the issuer has since
 * withdrawn is thus accepted until it expires, as it was before the withdrawal.
 */
final class RememberedTokens implements JwtDecoder {

    private final JwtDecoder checks;
    private final Clock clock;
    private final Cache<String, Jwt> passed;

    RememberedTokens(JwtDecoder checks, int maximumTokens, Clock clock) {
        this.checks = checks;
        this.clock = clock;
        this.passed = Caffeine.newBuilder()
                .maximumSize(maximumTokens)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt)))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt remembered = passed.getIfPresent(token);
        if (remembered != null && clock.instant().isBefore(remembered.getExpiresAt())) {
            return remembered;
        }
        Jwt checked = checks.decode(token);
        if (checked.getExpiresAt() != null && clock.instant().isBefore(checked.getExpiresAt())) {
            passed.put(token, checked);
        }
        return checked;
    }

    private Duration untilExpiry(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt == null ? Duration.ZERO : Duration.between(clock.instant(), expiresAt);
    }
}
