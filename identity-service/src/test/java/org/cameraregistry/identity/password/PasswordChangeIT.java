package org.cameraregistry.identity.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.cameraregistry.cli.SignIn;
import org.cameraregistry.identity.IdentityIntegrationTest;
import org.cameraregistry.identity.TestAccounts;
import org.cameraregistry.identity.account.Account;
import org.cameraregistry.identity.account.AccountStore;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.testkit.ApiContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** POST /api/me/password: the current password, then the new one, by the sign-up rules. */
class PasswordChangeIT extends IdentityIntegrationTest {

    private static final String NEW_PASSWORD = "quarry meadow lantern spoke";

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
    void theNextSignInTakesTheNewPasswordAndNotTheOldOne() {
        Account owner = accounts.owner();

        ApiClient.Response changed = change(owner, TestAccounts.PASSWORD, NEW_PASSWORD);

        assertThat(changed.status()).as(changed.body()).isEqualTo(204);
        assertThat(signIn(owner.email(), NEW_PASSWORD).accessToken()).isNotBlank();
        assertThatThrownBy(() -> signIn(owner.email(), TestAccounts.PASSWORD)).isInstanceOf(SignIn.SignInRefusedException.class);
    }

    @Test
    void aWrongCurrentPasswordIs403AndChangesNothing() {
        Account owner = accounts.owner();

        ApiClient.Response refused = change(owner, "not the password at all", NEW_PASSWORD);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("type").asString()).endsWith("/password-not-confirmed");
        assertThat(signIn(owner.email(), TestAccounts.PASSWORD).accessToken()).isNotBlank();
    }

    @Test
    void aWeakNewPasswordIsRefusedWithTheReason() {
        Account owner = accounts.owner();

        ApiClient.Response refused = change(owner, TestAccounts.PASSWORD, "short");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("type").asString()).endsWith("/weak-password");
        assertThat(refused.json().path("reason").asString()).isEqualTo("too-short");
        assertThat(passwords.matches(TestAccounts.PASSWORD, store.findById(owner.id()).orElseThrow().passwordHash())).isTrue();
    }

    @Test
    void withoutATokenItIs401() {
        ApiClient.Response refused = api.post("/api/me/password",
                "{\"currentPassword\":\"" + TestAccounts.PASSWORD + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}");

        assertThat(refused.status()).isEqualTo(401);
    }

    private ApiClient.Response change(Account account, String current, String chosen) {
        return api.post("/api/me/password", "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + chosen + "\"}",
                "Authorization", "Bearer " + signIn(account.email(), TestAccounts.PASSWORD).accessToken());
    }

    private static SignIn.Tokens signIn(String email, String password) {
        return new SignIn(URI.create(ISSUER), "camera-cli", URI.create("http://127.0.0.1:41773/callback"))
                .withPassword(email, password);
    }
}
