package org.cameraregistry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.cameraregistry.cli.SignIn;
import org.cameraregistry.identity.account.AccountStore;
import org.cameraregistry.identity.account.Account;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.testkit.ServiceConventions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

class IdentityApplicationIT extends IdentityIntegrationTest {

    @Autowired
    private AccountStore store;
    @Autowired
    private PasswordEncoder passwords;

    @Test
    void followsThePlatformConventions() {
        Account owner = new TestAccounts(store, passwords).owner();
        String token = signIn(owner);

        ServiceConventions.verifyWithToken(ISSUER, "identity-service", token);
    }

    @Test
    void anAccountReadsItselfWithItsToken() {
        Account owner = new TestAccounts(store, passwords).owner();
        ApiClient api = new ApiClient(ISSUER);

        ApiClient.Response me = api.get("/api/me", "Authorization", "Bearer " + signIn(owner));
        ApiClient.Response tampered = api.get("/api/me", "Authorization", "Bearer " + tamper(signIn(owner)));

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("id").asString()).isEqualTo(owner.id().toString());
        assertThat(me.json().path("email").asString()).isEqualTo(owner.email());
        assertThat(tampered.status()).isEqualTo(401);
        assertThat(tampered.header("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(challenge).contains("invalid_token"));
        assertThat(tampered.json().path("type").asString()).endsWith("/invalid-token");
    }

    private static String signIn(Account account) {
        return new SignIn(URI.create(ISSUER), "camera-cli", URI.create("http://127.0.0.1:41772/callback"))
                .withPassword(account.email(), TestAccounts.PASSWORD).accessToken();
    }

    /** The same claims with one character of the signature changed. */
    private static String tamper(String token) {
        char last = token.charAt(token.length() - 2);
        return token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
    }
}
