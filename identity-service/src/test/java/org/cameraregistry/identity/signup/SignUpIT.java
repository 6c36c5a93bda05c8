package org.cameraregistry.identity.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.UUID;
import org.cameraregistry.cli.SignIn;
import org.cameraregistry.events.EventCodec;
import org.cameraregistry.events.Topics;
import org.cameraregistry.events.account.AccountRegistered;
import org.cameraregistry.events.account.AccountVerificationRequested;
import org.cameraregistry.identity.IdentityIntegrationTest;
import org.cameraregistry.identity.account.AccountStore;
import org.cameraregistry.identity.password.BreachCorpusStub;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.testkit.KafkaProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An owner opens an account from outside: the API, the events for notification-service, the link, sign-in. */
class SignUpIT extends IdentityIntegrationTest {

    private static final String PASSWORD = "tangerine orbit velvet ladder";
    private static final EventCodec CODEC = new EventCodec();

    @Autowired
    private AccountStore store;
    private final ApiClient api = new ApiClient(ISSUER);
    private KafkaProbe kafka;

    @BeforeEach
    void listen() {
        kafka = new KafkaProbe(INFRASTRUCTURE.kafkaBrokers(), Topics.ACCOUNT_REGISTERED, Topics.ACCOUNT_VERIFICATION_REQUESTED);
    }

    @AfterEach
    void stopListening() {
        kafka.close();
    }

    @Test
    void anOwnerSignsUpVerifiesTheAddressThroughTheEmailedLinkAndSignsIn() {
        String email = "Maria.Lopez+" + UUID.randomUUID() + "@Example.org";

        ApiClient.Response accepted = signUp(email, PASSWORD, "es-US");

        assertThat(accepted.status()).isEqualTo(202);
        UUID id = store.findByEmail(email).orElseThrow().id();
        AccountRegistered registered = CODEC.read(kafka.await(Topics.ACCOUNT_REGISTERED, id.toString(), 1).getFirst().value(),
                AccountRegistered.TYPE).data();
        assertThat(registered.email()).isEqualTo(email.toLowerCase());
        assertThat(registered.locale()).isEqualTo("es-US");
        assertThat(registered.version()).isEqualTo(1);
        AccountVerificationRequested requested = CODEC.read(
                kafka.await(Topics.ACCOUNT_VERIFICATION_REQUESTED, id.toString(), 1).getFirst().value(),
                AccountVerificationRequested.TYPE).data();
        assertThat(requested.link().toString()).startsWith("https://identity.cameras.example/accounts/verify?token=");
        assertThat(requested.expiresAt()).isBetween(requested.requestedAt().plusSeconds(86_399), requested.requestedAt().plusSeconds(86_401));
        String token = requested.link().getQuery().substring("token=".length());

        assertThatThrownBy(() -> signIn(email)).as("before the address is verified").isInstanceOf(SignIn.SignInRefusedException.class);
        ApiClient.Response page = api.get("/accounts/verify?token=" + token);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Verify my address");
        assertThatThrownBy(() -> signIn(email)).as("opening the link only asks").isInstanceOf(SignIn.SignInRefusedException.class);

        assertThat(api.post("/api/accounts/verification", "{\"token\":\"" + token + "\"}").status()).isEqualTo(204);

        assertThat(signIn(email).accessToken()).isNotBlank();
        ApiClient.Response again = api.post("/api/accounts/verification", "{\"token\":\"" + token + "\"}");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().path("type").asString()).endsWith("/link-unknown");
    }

    @Test
    void signingUpWithAnAddressThatHasAnAccountAnswersTheSameAndOpensNoOther() {
        String email = "twice-" + UUID.randomUUID() + "@example.org";
        ApiClient.Response first = signUp(email, PASSWORD, "en");
        UUID id = store.findByEmail(email).orElseThrow().id();
        kafka.await(Topics.ACCOUNT_VERIFICATION_REQUESTED, id.toString(), 1);

        ApiClient.Response unverifiedAgain = signUp(email, "another password entirely here", "en");

        assertThat(unverifiedAgain.status()).isEqualTo(first.status());
        assertThat(unverifiedAgain.body()).isEqualTo(first.body());
        kafka.await(Topics.ACCOUNT_VERIFICATION_REQUESTED, id.toString(), 2);
        String token = CODEC.read(kafka.recordsUpToNow(Topics.ACCOUNT_VERIFICATION_REQUESTED, id.toString()).getLast().value(),
                AccountVerificationRequested.TYPE).data().link().getQuery().substring("token=".length());
        assertThat(api.post("/api/accounts/verification", "{\"token\":\"" + token + "\"}").status()).isEqualTo(204);

        ApiClient.Response verifiedAgain = signUp(email, PASSWORD, "en");

        assertThat(verifiedAgain.body()).isEqualTo(first.body());
        assertThat(kafka.recordsUpToNow(Topics.ACCOUNT_REGISTERED, id.toString())).hasSize(1);
        assertThat(kafka.recordsUpToNow(Topics.ACCOUNT_VERIFICATION_REQUESTED, id.toString())).as("no link for a verified address").hasSize(2);
        assertThat(signIn(email).accessToken()).as("the first password still signs in").isNotBlank();
    }

    @Test
    void aWeakPasswordIsRefusedWithTheReasonAndOpensNothing() {
        String email = "weak-" + UUID.randomUUID() + "@example.org";

        ApiClient.Response refused = signUp(email, "password1234", "en");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("type").asString()).endsWith("/weak-password");
        assertThat(refused.json().path("reason").asString()).isEqualTo("common");
        assertThat(store.findByEmail(email)).isEmpty();
    }

    @Test
    void aPasswordInABreachCorpusIsRefusedAndOnlyAHashPrefixLeftTheService() {
        String email = "breached-" + UUID.randomUUID() + "@example.org";

        ApiClient.Response refused = signUp(email, BREACHED_PASSWORD, "en");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("type").asString()).endsWith("/weak-password");
        assertThat(refused.json().path("reason").asString()).isEqualTo("breached");
        assertThat(store.findByEmail(email)).isEmpty();
        assertThat(BREACH_CORPUS.askedPaths()).contains("/range/" + BreachCorpusStub.sha1(BREACHED_PASSWORD).substring(0, 5))
                .allSatisfy(path -> assertThat(path).matches("/range/[0-9A-F]{5}"));
    }

    @Test
    void anAddressThatIsNotOneIsRefusedNamingTheField() {
        ApiClient.Response refused = signUp("not-an-address", PASSWORD, "en");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").toString()).contains("email");
    }

    private ApiClient.Response signUp(String email, String password, String locale) {
        return api.post("/api/accounts", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"locale\":\"" + locale + "\"}");
    }

    private static SignIn.Tokens signIn(String email) {
        return new SignIn(URI.create(ISSUER), "camera-cli", URI.create("http://127.0.0.1:41773/callback"))
                .withPassword(email, PASSWORD);
    }
}
