package org.cameraregistry.identity.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.cameraregistry.identity.IdentityProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    /** Long and unrelated enough for the local checks, yet in the (stub) breach corpus. */
    private static final String BREACHED = "maple syrup pancake morning";
    private static final BreachCorpusStub CORPUS = BreachCorpusStub.holding(BREACHED);

    private final PasswordPolicy policy = new PasswordPolicy(new BreachedPasswords(
            new IdentityProperties.BreachedPasswords(true, CORPUS.url(), Duration.ofSeconds(5), Duration.ofMinutes(1)),
            new SimpleMeterRegistry()));

    @AfterAll
    static void stopCorpus() {
        CORPUS.close();
    }

    @Test
    void aPasswordThatPassesEveryOtherCheckIsRefusedWhenItIsInABreachCorpus() {
        assertThatCode(() -> policy.check("maple syrup pancake evening", "maria.lopez@example.org")).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.check(BREACHED, "maria.lopez@example.org"))
                .isInstanceOfSatisfying(WeakPasswordException.class, refused -> assertThat(refused.reason()).isEqualTo("breached"))
                .hasMessageContaining("data breach");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "correct-horse-battery-staple",
            "tangerine orbit velvet ladder",
            "Mi perro come tortillas azules",
            "ĉiuĵaŭde ŝi manĝas pomojn",
            "zq7#Lm2!vR9@xT4p"})
    void longUnrelatedWordsAndRandomPasswordsAreAccepted(String password) {
        assertThatCode(() -> policy.check(password, "maria.lopez@example.org")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({
            "short,            too-short",
            "elevenchars,      too-short",
            "password1234,     common",
            "qwertyuiopasdf,   guessable",
            "aaaaaaaaaaaaaaaa, guessable",
            "1234567890123,    guessable",
            "maria.lopez2026,  guessable"})
    void shortCommonAndGuessablePasswordsAreRefusedWithTheReason(String password, String reason) {
        assertThatThrownBy(() -> policy.check(password, "maria.lopez@example.org"))
                .isInstanceOfSatisfying(WeakPasswordException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(reason));
    }

    @ParameterizedTest
    @ValueSource(ints = {65, 100})
    void moreThanSixtyFourCharactersAreRefused(int length) {
        String password = "velvet ladder ".repeat(10).substring(0, length);

        assertThatThrownBy(() -> policy.check(password, "someone@example.org"))
                .isInstanceOfSatisfying(WeakPasswordException.class,
                        refused -> assertThat(refused.reason()).isEqualTo("too-long"));
    }

    @Test
    void charactersAreCountedNotBytesUpToWhatTheHashReads() {
        // 24 three-byte characters: 24 characters but 72 bytes, the most bcrypt reads.
        assertThatCode(() -> policy.check("日本語のパスワードはとても長くて安全ですね猫犬鳥", "someone@example.org"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.check("日本語のパスワードはとても長くて安全ですね猫犬鳥魚", "someone@example.org"))
                .isInstanceOf(WeakPasswordException.class);
    }
}
