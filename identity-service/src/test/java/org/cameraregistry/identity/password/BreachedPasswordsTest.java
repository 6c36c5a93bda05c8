package org.cameraregistry.identity.password;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.cameraregistry.identity.IdentityProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BreachedPasswordsTest {

    private static final String BREACHED = "maple syrup pancake morning";
    private final BreachCorpusStub corpus = BreachCorpusStub.holding(BREACHED);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void stop() {
        corpus.close();
    }

    @Test
    void aPasswordInTheCorpusIsBreachedAndOnlyFiveHexDigitsOfItsHashLeave() {
        BreachedPasswords breached = checkWith(Duration.ofSeconds(5));

        assertThat(breached.isBreached(BREACHED)).isTrue();

        String hash = BreachCorpusStub.sha1(BREACHED);
        assertThat(corpus.askedPaths()).containsExactly("/range/" + hash.substring(0, 5));
        assertThat(outcomes("breached")).isEqualTo(1);
    }

    @Test
    void aPasswordNotInTheCorpusIsNotEvenWhenOnlyItsPaddingMatches() {
        BreachedPasswords breached = checkWith(Duration.ofSeconds(5));

        assertThat(breached.isBreached("quartz heron lantern velvet")).isFalse();
        assertThat(corpus.askedPaths()).hasSize(1);
        assertThat(outcomes("not-breached")).isEqualTo(1);
    }

    @Test
    void whenTheApiFailsThePasswordIsJudgedWithoutItAndAfterRepeatedFailuresItIsLeftAlone() {
        corpus.answer(503);
        BreachedPasswords breached = checkWith(Duration.ofSeconds(5));

        for (int attempt = 0; attempt < 8; attempt++) {
            assertThat(breached.isBreached(BREACHED)).isFalse();
        }

        // Five failures open the breaker (at least five calls, half of them failed); the rest are not sent.
        assertThat(corpus.askedPaths()).hasSize(5);
        assertThat(outcomes("unavailable")).isEqualTo(5);
        assertThat(outcomes("skipped")).isEqualTo(3);
    }

    @Test
    void anApiTooSlowToAnswerIsNotWaitedFor() {
        corpus.delay(Duration.ofSeconds(3));
        BreachedPasswords breached = checkWith(Duration.ofMillis(200));

        assertThat(breached.isBreached(BREACHED)).isFalse();
        assertThat(outcomes("unavailable")).isEqualTo(1);
    }

    @Test
    void turnedOffItAsksNothing() {
        BreachedPasswords breached = new BreachedPasswords(
                new IdentityProperties.BreachedPasswords(false, corpus.url(), Duration.ofSeconds(2), Duration.ofMinutes(1)), meters);

        assertThat(breached.isBreached(BREACHED)).isFalse();
        assertThat(corpus.askedPaths()).isEmpty();
    }

    private BreachedPasswords checkWith(Duration timeout) {
        return new BreachedPasswords(new IdentityProperties.BreachedPasswords(true, corpus.url(), timeout, Duration.ofMinutes(1)), meters);
    }

    private double outcomes(String outcome) {
        return meters.counter("identity.breached_password_checks", "outcome", outcome).count();
    }
}
