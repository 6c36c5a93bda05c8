package org.cameraregistry.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cameraregistry.cli.SignIn;
import org.cameraregistry.identity.IdentityApplication;
import org.cameraregistry.identity.IdentityIntegrationTest;
import org.cameraregistry.identity.TestAccounts;
import org.cameraregistry.identity.account.Account;
import org.cameraregistry.identity.account.AccountStore;
import org.cameraregistry.identity.account.Role;
import org.cameraregistry.testkit.EmbeddedInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Guessing passwords slows down, per address signed in to and per client address, from outside
 * through the sign-in page. Each test runs its own instance on its own database, with small
 * allowances, since every test of the JVM signs in from the same client address.
 */
class SignInThrottleIT {

    private ConfigurableApplicationContext identity;
    private String url;
    private TestAccounts accounts;

    @BeforeEach
    void start() {
        int port = EmbeddedInfrastructure.freePort();
        url = "http://localhost:" + port;
        identity = new SpringApplicationBuilder(IdentityApplication.class).run(
                "--server.port=" + port,
                "--spring.security.oauth2.authorizationserver.issuer=" + url,
                "--spring.mongodb.uri=" + IdentityIntegrationTest.INFRASTRUCTURE.mongoUri(),
                "--spring.mongodb.database=identity-throttle-" + UUID.randomUUID(),
                "--spring.kafka.bootstrap-servers=" + IdentityIntegrationTest.INFRASTRUCTURE.kafkaBrokers(),
                "--identity.throttling.failures-per-account=3",
                "--identity.throttling.failures-per-client-address=6",
                "--identity.throttling.first-block=PT2S");
        accounts = new TestAccounts(identity.getBean(AccountStore.class), identity.getBean(PasswordEncoder.class));
    }

    @AfterEach
    void stop() {
        identity.close();
    }

    @Test
    void anAccountTriedTooOftenIsBlockedForAWhileEvenWithTheRightPasswordThenSignsIn() {
        Account owner = accounts.owner();
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(refusal(owner.email(), "wrong horse battery staple")).startsWith("The address or the password");
        }

        assertThat(refusal(owner.email(), "wrong horse battery staple")).startsWith("Too many attempts: try again in 2 s");
        assertThat(refusal(owner.email(), TestAccounts.PASSWORD)).as("blocked before the password is checked")
                .startsWith("Too many attempts");
        Account other = accounts.owner();
        assertThat(signIn(other.email(), TestAccounts.PASSWORD)).as("another account from the same client").isNotBlank();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .ignoreException(SignIn.SignInRefusedException.class)
                .until(() -> !signIn(owner.email(), TestAccounts.PASSWORD).isBlank());
        Account staff = accounts.create(TestAccounts.unique("investigator"), true, Set.of(Role.INVESTIGATOR),
                Optional.of("dallas"), false);
        assertThat(signIn(staff.email(), TestAccounts.PASSWORD)).isNotBlank();

        assertThat(signIns("refused", "none")).as("three wrong passwords, and the fourth that crossed the line").isEqualTo(4);
        assertThat(signIns("throttled", "none")).as("turned away before the password was checked").isGreaterThanOrEqualTo(1);
        assertThat(signIns("signed-in", "none")).as("owners").isEqualTo(2);
        assertThat(signIns("signed-in", "dallas")).as("staff, by department").isEqualTo(1);
    }

    private double signIns(String outcome, String department) {
        Counter counter = identity.getBean(MeterRegistry.class).find("identity.sign_ins")
                .tags("outcome", outcome, "department", department).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aClientGuessingManyAddressesIsBlockedForEveryAddressAndUnknownAddressesCountLikeKnownOnes() {
        Account staff = accounts.create(TestAccounts.unique("investigator"), true, Set.of(Role.INVESTIGATOR),
                Optional.of("dallas"), false);
        for (int attempt = 1; attempt <= 6; attempt++) {
            assertThat(refusal(TestAccounts.unique("guess"), "wrong horse battery staple")).startsWith("The address or the password");
        }

        assertThat(refusal(TestAccounts.unique("guess"), "wrong horse battery staple")).startsWith("Too many attempts");
        assertThat(refusal(staff.email(), TestAccounts.PASSWORD)).startsWith("Too many attempts");
    }

    private String signIn(String email, String password) {
        return new SignIn(URI.create(url), "camera-cli", URI.create("http://127.0.0.1:41776/callback"))
                .withPassword(email, password).accessToken();
    }

    private String refusal(String email, String password) {
        try {
            signIn(email, password);
            throw new AssertionError("signed in " + email);
        } catch (SignIn.SignInRefusedException e) {
            return e.getMessage();
        }
    }
}
