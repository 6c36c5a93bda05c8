package org.cameraregistry.identity.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.UUID;
import org.cameraregistry.cli.SignIn;
import org.cameraregistry.events.EventCodec;
import org.cameraregistry.events.Topics;
import org.cameraregistry.events.account.PasswordResetRequested;
import org.cameraregistry.identity.IdentityIntegrationTest;
import org.cameraregistry.identity.TestAccounts;
import org.cameraregistry.identity.account.Account;
import org.cameraregistry.identity.account.AccountStore;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.testkit.KafkaProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A forgotten password, from outside: the request, the event for notification-service, the link, the new password. */
class PasswordResetIT extends IdentityIntegrationTest {

    private static final String NEW_PASSWORD = "marble quiet harbour lantern";
    private static final EventCodec CODEC = new EventCodec();

    @Autowired
    private AccountStore store;
    @Autowired
    private PasswordEncoder passwords;
    private final ApiClient api = new ApiClient(ISSUER);
    private KafkaProbe kafka;

    @BeforeEach
    void listen() {
        kafka = new KafkaProbe(INFRASTRUCTURE.kafkaBrokers(), Topics.PASSWORD_RESET_REQUESTED);
    }

    @AfterEach
    void stopListening() {
        kafka.close();
    }

    @Test
    void aForgottenPasswordIsReplacedThroughTheEmailedLinkOnce() {
        Account owner = new TestAccounts(store, passwords).owner();

        assertThat(api.post("/api/accounts/password-reset", "{\"email\":\"" + owner.email() + "\"}").status()).isEqualTo(202);

        PasswordResetRequested requested = CODEC.read(
                kafka.await(Topics.PASSWORD_RESET_REQUESTED, owner.id().toString(), 1).getFirst().value(),
                PasswordResetRequested.TYPE).data();
        assertThat(requested.link().toString()).startsWith("https://identity.cameras.example/accounts/reset-password?token=");
        assertThat(requested.expiresAt()).isBetween(requested.requestedAt().plusSeconds(3599), requested.requestedAt().plusSeconds(3601));
        String token = requested.link().getQuery().substring("token=".length());
        ApiClient.Response weak = confirm(token, "password1234");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().path("reason").asString()).isEqualTo("common");

        assertThat(confirm(token, NEW_PASSWORD).status()).as("the refused password left the link unused").isEqualTo(204);

        assertThat(signIn(owner.email(), NEW_PASSWORD).accessToken()).isNotBlank();
        assertThatThrownBy(() -> signIn(owner.email(), TestAccounts.PASSWORD)).isInstanceOf(SignIn.SignInRefusedException.class);
        ApiClient.Response again = confirm(token, "another marble quiet harbour");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().path("type").asString()).endsWith("/link-unknown");
    }

    @Test
    void askingForAnAddressWithoutAnAccountAnswersTheSameAndSendsNothing() {
        Account owner = new TestAccounts(store, passwords).owner();
        ApiClient.Response known = api.post("/api/accounts/password-reset", "{\"email\":\"" + owner.email() + "\"}");
        kafka.await(Topics.PASSWORD_RESET_REQUESTED, owner.id().toString(), 1);
        int before = kafka.recordsUpToNow(Topics.PASSWORD_RESET_REQUESTED).size();

        ApiClient.Response unknown = api.post("/api/accounts/password-reset", "{\"email\":\"nobody-" + UUID.randomUUID() + "@example.org\"}");

        assertThat(unknown.status()).isEqualTo(known.status());
        assertThat(unknown.body()).isEqualTo(known.body());
        assertThat(kafka.recordsUpToNow(Topics.PASSWORD_RESET_REQUESTED)).hasSize(before);
    }

    @Test
    void theLinkPageAsksForTheNewPasswordAndAnUnknownLinkSaysSo() {
        ApiClient.Response page = api.get("/accounts/reset-password?token=abc", "Accept", "text/html");
        ApiClient.Response forgot = api.get("/accounts/forgot-password", "Accept", "text/html");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Choose a new password · Community Camera Registry</title>")
                .contains("name=\"_csrf\"").contains("<meta name=\"referrer\" content=\"no-referrer\">");
        assertThat(forgot.status()).isEqualTo(200);
        assertThat(confirm("never-sent", NEW_PASSWORD).status()).isEqualTo(404);
    }

    private ApiClient.Response confirm(String token, String password) {
        return api.post("/api/accounts/password-reset/confirmation",
                "{\"token\":\"" + token + "\",\"password\":\"" + password + "\"}");
    }

    private static SignIn.Tokens signIn(String email, String password) {
        return new SignIn(URI.create(ISSUER), "camera-cli", URI.create("http://127.0.0.1:41775/callback"))
                .withPassword(email, password);
    }
}
