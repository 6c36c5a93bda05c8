package org.cameraregistry.identity.password;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.cameraregistry.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Whether a password is in a corpus of breached passwords, asked of a range API of the Pwned
 * Passwords kind (k-anonymity): only the first five hex digits of the password's SHA-1 leave the
 * service, and the answer lists every known suffix under them (padded with decoys), which is
 * searched here. The check is a help, not a gate: when the API is slow, failing, or its circuit
 * breaker open, the password is judged without it (the local checks still apply) and the
 * outcome is counted in {@code identity.breached_password_checks}.
 */
@Component
public class BreachedPasswords {

    private static final Logger log = LoggerFactory.getLogger(BreachedPasswords.class);
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final RestClient rangeApi;
    private final CircuitBreaker breaker;
    private final MeterRegistry meters;

    @Autowired
    BreachedPasswords(IdentityProperties properties, MeterRegistry meters) {
        this(properties.passwords().breached(), meters);
    }

    public BreachedPasswords(IdentityProperties.BreachedPasswords settings, MeterRegistry meters) {
        this.meters = meters;
        if (!settings.enabled()) {
            log.info("identity.passwords.breached.enabled is false: passwords are not checked against a breach corpus");
            this.rangeApi = null;
            this.breaker = null;
            return;
        }
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .build());
        requests.setReadTimeout(settings.timeout());
        this.rangeApi = RestClient.builder()
                .baseUrl(settings.rangeApi().toString())
                .requestFactory(requests)
                .defaultHeader("Add-Padding", "true")
                .defaultHeader("User-Agent", "community-camera-registry")
                .build();
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(settings.restAfterFailures())
                .build());
        this.breaker = breakers.circuitBreaker("breached-password-range-api");
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
    }

    /** Whether the corpus holds {@code password}; false too when it cannot be asked. */
    public boolean isBreached(String password) {
        if (rangeApi == null) {
            return false;
        }
        String hash = sha1(password);
        String prefix = hash.substring(0, 5);
        String suffix = hash.substring(5);
        try {
            String range = breaker.executeSupplier(() -> rangeApi.get().uri("/range/{prefix}", prefix).retrieve().body(String.class));
            boolean breached = range != null && range.lines().anyMatch(line -> listed(line, suffix));
            count(breached ? "breached" : "not-breached");
            return breached;
        } catch (CallNotPermittedException open) {
            count("skipped");
            return false;
        } catch (RuntimeException unavailable) {
            log.warn("breached-password check unavailable: {}", unavailable.toString());
            count("unavailable");
            return false;
        }
    }

    /** A line {@code SUFFIX:COUNT}; padding lines have the count 0. */
    private static boolean listed(String line, String suffix) {
        int colon = line.indexOf(':');
        if (colon < 0 || !line.substring(0, colon).strip().equalsIgnoreCase(suffix)) {
            return false;
        }
        String count = line.substring(colon + 1).strip();
        return !count.isEmpty() && !count.chars().allMatch(digit -> digit == '0');
    }

    private void count(String outcome) {
        meters.counter("identity.breached_password_checks", "outcome", outcome).increment();
    }

    private static String sha1(String password) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}
