package org.cameraregistry.identity.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.bson.UuidRepresentation;
import org.cameraregistry.cli.SignIn;
import org.cameraregistry.events.EventCodec;
import org.cameraregistry.events.Topics;
import org.cameraregistry.events.account.AccountErased;
import org.cameraregistry.identity.IdentityIntegrationTest;
import org.cameraregistry.identity.TestAccounts;
import org.cameraregistry.identity.account.Account;
import org.cameraregistry.identity.account.AccountStore;
import org.cameraregistry.identity.account.Role;
import org.cameraregistry.identity.onetime.LinkPurpose;
import org.cameraregistry.identity.onetime.OneTimeLinks;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.testkit.ApiContract;
import org.cameraregistry.testkit.KafkaProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

class AccountErasureIT extends IdentityIntegrationTest {

    private static final EventCodec CODEC = new EventCodec();

    @Autowired
    private AccountStore store;
    @Autowired
    private PasswordEncoder passwords;
    @Autowired
    private OneTimeLinks links;

    private MongoClient mongo;
    private MongoDatabase identity;
    private ApiClient api;
    private TestAccounts accounts;

    @BeforeEach
    void connect() {
        mongo = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(INFRASTRUCTURE.mongoUri()))
                .uuidRepresentation(UuidRepresentation.STANDARD).build());
        identity = mongo.getDatabase("identity");
        api = new ApiClient(ISSUER).heldTo(ApiContract.of(ISSUER + "/v3/api-docs"));
        accounts = new TestAccounts(store, passwords);
    }

    @AfterEach
    void disconnect() {
        mongo.close();
    }

    @Test
    void anOwnerErasesTheirAccountAndNothingOfItIsLeftHereAndAccountErasedIsPublished() {
        Account owner = accounts.owner();
        String token = signIn(owner.email());
        links.issue(owner.id(), LinkPurpose.RESET_PASSWORD, Duration.ofHours(1));
        assertThatThrownBy(() -> signIn(owner.email(), "not the password at all")).isInstanceOf(SignIn.SignInRefusedException.class);
        assertThat(identity.getCollection("sign_in_failures").countDocuments()).isPositive();

        try (KafkaProbe kafka = new KafkaProbe(INFRASTRUCTURE.kafkaBrokers(), Topics.ACCOUNT_ERASED)) {
            ApiClient.Response erased = api.delete("/api/me", "Authorization", "Bearer " + token);

            assertThat(erased.status()).as(erased.body()).isEqualTo(202);
            assertThat(erased.json().path("accountId").asString()).isEqualTo(owner.id().toString());
            AccountErased event = CODEC.read(kafka.await(Topics.ACCOUNT_ERASED, owner.id().toString(), 1).getFirst().value(),
                    AccountErased.TYPE).data();
            assertThat(event.accountId()).isEqualTo(owner.id());
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                identity.getCollection("accounts").countDocuments(Filters.eq("_id", owner.id()))).as("the account, once relayed").isZero());
        assertThat(identity.getCollection("one_time_links").countDocuments(Filters.eq("accountId", owner.id()))).isZero();
        assertThat(identity.getCollection("sign_in_failures").find().into(new java.util.ArrayList<>()))
                .noneSatisfy(failure -> assertThat(failure.toJson()).contains(owner.email()));
        ApiClient.Response me = api.get("/api/me", "Authorization", "Bearer " + token);
        assertThat(me.status()).isEqualTo(404);
        assertThat(me.json().path("type").asString()).endsWith("/account-not-found");
        assertThatThrownBy(() -> signIn(owner.email())).isInstanceOf(SignIn.SignInRefusedException.class);
        assertThat(store.findByEmail(owner.email())).isEmpty();
    }

    @Test
    void theAddressMaySignUpAgainAsANewAccount() {
        Account owner = accounts.owner();
        assertThat(api.delete("/api/me", "Authorization", "Bearer " + signIn(owner.email())).status()).isEqualTo(202);

        ApiClient.Response again = api.post("/api/accounts",
                "{\"email\":\"" + owner.email() + "\",\"password\":\"tangerine orbit velvet ladder\"}");

        assertThat(again.status()).isEqualTo(202);
        Optional<Account> reopened = store.findByEmail(owner.email());
        assertThat(reopened).hasValueSatisfying(account -> {
            assertThat(account.id()).isNotEqualTo(owner.id());
            assertThat(account.emailVerified()).isFalse();
        });
    }

    @Test
    void twoErasuresAtOnceEraseOnceTheOtherIs404() {
        Account owner = accounts.owner();
        String token = signIn(owner.email());
        try (KafkaProbe kafka = new KafkaProbe(INFRASTRUCTURE.kafkaBrokers(), Topics.ACCOUNT_ERASED)) {
            List<CompletableFuture<Integer>> both = List.of(
                    CompletableFuture.supplyAsync(() -> api.delete("/api/me", "Authorization", "Bearer " + token).status()),
                    CompletableFuture.supplyAsync(() -> api.delete("/api/me", "Authorization", "Bearer " + token).status()));

            assertThat(both.stream().map(CompletableFuture::join).toList()).containsExactlyInAnyOrder(202, 404);
            kafka.await(Topics.ACCOUNT_ERASED, owner.id().toString(), 1);
            // A later erasure published after it marks the end of what this one could have published.
            Account marker = accounts.owner();
            api.delete("/api/me", "Authorization", "Bearer " + signIn(marker.email()));
            kafka.await(Topics.ACCOUNT_ERASED, marker.id().toString(), 1);
            assertThat(kafka.recordsUpToNow(Topics.ACCOUNT_ERASED, owner.id().toString())).hasSize(1);
        }
    }

    @Test
    void staffCannotEraseTheirAccountThemselves() {
        Account investigator = accounts.create(TestAccounts.unique("investigator"), true, Set.of(Role.INVESTIGATOR),
                Optional.of("dallas"), false);

        ApiClient.Response refused = api.delete("/api/me", "Authorization", "Bearer " + signIn(investigator.email()));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(store.findById(investigator.id())).isPresent();
    }

    private static String signIn(String email) {
        return signIn(email, TestAccounts.PASSWORD);
    }

    private static String signIn(String email, String password) {
        return new SignIn(URI.create(ISSUER), "camera-cli", URI.create("http://127.0.0.1:41772/callback"))
                .withPassword(email, password).accessToken();
    }
}
