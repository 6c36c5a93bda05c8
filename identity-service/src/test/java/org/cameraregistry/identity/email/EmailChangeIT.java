package org.cameraregistry.identity.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cameraregistry.cli.SignIn;
import org.cameraregistry.events.EventCodec;
import org.cameraregistry.events.Topics;
import org.cameraregistry.events.account.AccountEmailChangeRequested;
import org.cameraregistry.events.account.AccountEmailChanged;
import org.cameraregistry.identity.IdentityIntegrationTest;
import org.cameraregistry.identity.TestAccounts;
import org.cameraregistry.identity.account.Account;
import org.cameraregistry.identity.account.AccountStore;
import org.cameraregistry.identity.account.Role;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.testkit.ApiContract;
import org.cameraregistry.testkit.KafkaProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

class EmailChangeIT extends IdentityIntegrationTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    @Autowired
    private AccountStore store;
    @Autowired
    private PasswordEncoder passwords;

    private ApiClient api;
    private TestAccounts accounts;

    @BeforeEach
    void connect() {
        api = new ApiClient(ISSUER).heldTo(ApiContract.of(ISSUER + "/v3/api-docs"));
        accounts = new TestAccounts(store, passwords);
    }

    @Test
    void anAccountMovesToANewAddressOnlyOnceTheLinkSentThereIsUsed() throws Exception {
        Account owner = accounts.owner();
        String newEmail = TestAccounts.unique("moved");

        try (KafkaProbe kafka = new KafkaProbe(INFRASTRUCTURE.kafkaBrokers(), Topics.ACCOUNT_EMAIL_CHANGE_REQUESTED,
                Topics.ACCOUNT_EMAIL_CHANGED)) {
            ApiClient.Response asked = change(owner, newEmail, TestAccounts.PASSWORD);

            assertThat(asked.status()).as(asked.body()).isEqualTo(202);
            AccountEmailChangeRequested requested = CODEC.read(kafka.await(Topics.ACCOUNT_EMAIL_CHANGE_REQUESTED,
                    owner.id().toString(), 1).getFirst().value(), AccountEmailChangeRequested.TYPE).data();
            assertThat(requested.email()).isEqualTo(newEmail);
            assertThat(requested.link().getPath()).isEqualTo("/accounts/email/confirm");
            // Not moved yet: the old address still signs in, the new one does not.
            assertThat(store.findById(owner.id()).orElseThrow().email()).isEqualTo(owner.email());
            assertThat(kafka.recordsUpToNow(Topics.ACCOUNT_EMAIL_CHANGED, owner.id().toString())).isEmpty();

            HttpResponse<String> confirmed = confirm(requested.link());

            assertThat(confirmed.statusCode()).isEqualTo(200);
            assertThat(confirmed.body()).contains(newEmail);
            Account moved = store.findById(owner.id()).orElseThrow();
            assertThat(moved.email()).isEqualTo(newEmail);
            assertThat(moved.emailVerified()).isTrue();
            AccountEmailChanged changed = CODEC.read(kafka.await(Topics.ACCOUNT_EMAIL_CHANGED, owner.id().toString(), 1)
                    .getFirst().value(), AccountEmailChanged.TYPE).data();
            assertThat(changed.email()).isEqualTo(newEmail);
            assertThat(changed.version()).isGreaterThan(owner.version());
        }
        assertThat(signIn(newEmail).accessToken()).isNotBlank();
        assertThatThrownBy(() -> signIn(owner.email())).isInstanceOf(SignIn.SignInRefusedException.class);
    }

    @Test
    void aLinkWorksOnceAndOnlyTheLatestRequestsLinkMovesTheAccount() throws Exception {
        Account owner = accounts.owner();
        String first = TestAccounts.unique("first");
        String second = TestAccounts.unique("second");

        try (KafkaProbe kafka = new KafkaProbe(INFRASTRUCTURE.kafkaBrokers(), Topics.ACCOUNT_EMAIL_CHANGE_REQUESTED)) {
            assertThat(change(owner, first, TestAccounts.PASSWORD).status()).isEqualTo(202);
            assertThat(change(owner, second, TestAccounts.PASSWORD).status()).isEqualTo(202);
            List<ConsumerRecord<String, byte[]>> sent = kafka.await(Topics.ACCOUNT_EMAIL_CHANGE_REQUESTED, owner.id().toString(), 2);
            URI firstLink = linkTo(sent, first);
            URI secondLink = linkTo(sent, second);

            // The first address's link was replaced by the second request: it moves the account nowhere.
            assertThat(confirm(firstLink).statusCode()).isEqualTo(404);
            assertThat(store.findById(owner.id()).orElseThrow().email()).isEqualTo(owner.email());

            assertThat(confirm(secondLink).statusCode()).isEqualTo(200);
            assertThat(store.findById(owner.id()).orElseThrow().email()).isEqualTo(second);
            assertThat(confirm(secondLink).statusCode()).as("used already").isEqualTo(404);
        }
    }

    @Test
    void aWrongPasswordIs403AndSendsNothing() {
        Account owner = accounts.owner();

        try (KafkaProbe kafka = new KafkaProbe(INFRASTRUCTURE.kafkaBrokers(), Topics.ACCOUNT_EMAIL_CHANGE_REQUESTED)) {
            ApiClient.Response refused = change(owner, TestAccounts.unique("elsewhere"), "not the password at all");

            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().path("type").asString()).endsWith("/password-not-confirmed");
            assertThat(kafka.recordsUpToNow(Topics.ACCOUNT_EMAIL_CHANGE_REQUESTED, owner.id().toString())).isEmpty();
        }
    }

    @Test
    void anotherAccountsAddressAnswersTheSameButSendsNothingAndAnAddressTakenBeforeTheLinkIsUsedLeavesTheAccount()
            throws Exception {
        Account owner = accounts.owner();
        Account other = accounts.owner();
        String wanted = TestAccounts.unique("wanted");

        try (KafkaProbe kafka = new KafkaProbe(INFRASTRUCTURE.kafkaBrokers(), Topics.ACCOUNT_EMAIL_CHANGE_REQUESTED)) {
            ApiClient.Response taken = change(owner, other.email(), TestAccounts.PASSWORD);
            ApiClient.Response free = change(owner, wanted, TestAccounts.PASSWORD);

            assertThat(taken.status()).isEqualTo(202);
            assertThat(taken.body()).isEqualTo(free.body());
            List<ConsumerRecord<String, byte[]>> sent = kafka.await(Topics.ACCOUNT_EMAIL_CHANGE_REQUESTED, owner.id().toString(), 1);
            assertThat(kafka.recordsUpToNow(Topics.ACCOUNT_EMAIL_CHANGE_REQUESTED, owner.id().toString()))
                    .as("no link for the address another account has").hasSize(1);

            // Someone opens an account with the wanted address before the link is used.
            accounts.create(wanted, true, Set.of(Role.OWNER), Optional.empty(), false);
            HttpResponse<String> refused = confirm(linkTo(sent, wanted));

            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(store.findById(owner.id()).orElseThrow().email()).isEqualTo(owner.email());
        }
    }

    @Test
    void theSameAddressOrNoAddressIs400() {
        Account owner = accounts.owner();

        ApiClient.Response same = change(owner, owner.email().toUpperCase(), TestAccounts.PASSWORD);
        ApiClient.Response notAnAddress = change(owner, "not-an-address", TestAccounts.PASSWORD);

        assertThat(same.status()).isEqualTo(400);
        assertThat(same.json().path("type").asString()).endsWith("/same-address");
        assertThat(notAnAddress.status()).isEqualTo(400);
        assertThat(notAnAddress.json().path("errors").get(0).path("field").asString()).isEqualTo("email");
    }

    private ApiClient.Response change(Account account, String newEmail, String password) {
        return api.post("/api/me/email", "{\"email\":\"" + newEmail + "\",\"password\":\"" + password + "\"}",
                "Authorization", "Bearer " + signIn(account.email()).accessToken());
    }

    private static URI linkTo(List<ConsumerRecord<String, byte[]>> sent, String email) {
        return sent.stream().map(record -> CODEC.read(record.value(), AccountEmailChangeRequested.TYPE).data())
                .filter(requested -> requested.email().equals(email)).map(AccountEmailChangeRequested::link)
                .findFirst().orElseThrow(() -> new AssertionError("no link sent to " + email));
    }

    /** Opens the link as a person would (the page), then presses its button. */
    private static HttpResponse<String> confirm(URI link) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        URI local = URI.create(ISSUER + link.getPath() + "?" + link.getRawQuery());
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(local).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("the page's form carries a CSRF token").isTrue();
        String token = link.getRawQuery().substring("token=".length());
        return http.send(HttpRequest.newBuilder(URI.create(ISSUER + link.getPath()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token + "&_csrf="
                        + (csrf.group(1) != null ? csrf.group(1) : csrf.group(2)))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static SignIn.Tokens signIn(String email) {
        return new SignIn(URI.create(ISSUER), "camera-cli", URI.create("http://127.0.0.1:41772/callback"))
                .withPassword(email, TestAccounts.PASSWORD);
    }
}
