package org.cameraregistry.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.cameraregistry.notification.NotificationIntegrationTest;
import org.cameraregistry.notification.NotificationProperties;
import org.cameraregistry.notification.account.Contact;
import org.cameraregistry.notification.account.ContactStore;
import org.cameraregistry.notification.delivery.NotificationKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The pages behind the links in emails, over HTTP, with the tokens the service itself signs. */
class PreferencePagesIT extends NotificationIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @LocalServerPort
    private int port;
    @Autowired
    private UnsubscribeTokens tokens;
    @Autowired
    private Preferences preferences;
    @Autowired
    private ContactStore contacts;
    @Autowired
    private NotificationProperties properties;

    @Test
    void openingAnUnsubscribeLinkOnlyAsksAndTheOneClickPostTurnsThatKindOff() throws Exception {
        UUID account = knownAccount();
        String token = tokens.forKind(account, NotificationKind.CAMERA_REGISTERED);

        HttpResponse<String> page = get("/notifications/unsubscribe?token=" + token, BROWSER_ACCEPT, "en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("Stop these emails?", "When one of your cameras is registered",
                "name=\"List-Unsubscribe\" value=\"One-Click\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("default-src 'none'").doesNotContain("script-src"));
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(preferences.turnedOff(account)).as("a GET changes nothing").isEmpty();

        // What a mail client sends (RFC 8058): no Accept header it cares about, a form body.
        HttpResponse<String> oneClick = oneClick(token);
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(oneClick.body()).contains("You are unsubscribed");
        assertThat(preferences.turnedOff(account)).containsExactly(NotificationKind.CAMERA_REGISTERED);
        assertThat(preferences.receives(account, NotificationKind.CAMERA_DELETED)).isTrue();

        assertThat(oneClick(token).statusCode()).as("a second click").isEqualTo(200);
        assertThat(preferences.turnedOff(account)).containsExactly(NotificationKind.CAMERA_REGISTERED);
    }

    @Test
    void theOwnersChoicesAreShownAndSavedOnThePreferencesPage() throws Exception {
        UUID account = knownAccount();
        String token = tokens.forPreferences(account);

        HttpResponse<String> page = get("/notifications/preferences?token=" + token, BROWSER_ACCEPT, "en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"camera-registered\" checked=\"checked\"",
                "value=\"live-access-opened\" checked=\"checked\"",
                "Resetting your password", "Always sent: it goes out only when a password reset is asked for.")
                .doesNotContain("value=\"password-reset\"");

        HttpResponse<String> saved = postForm("/notifications/preferences?token=" + token, "receive=camera-deleted");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("Your choices are saved.", "value=\"camera-deleted\" checked=\"checked\"")
                .doesNotContain("value=\"camera-registered\" checked");
        assertThat(preferences.turnedOff(account))
                .containsExactlyInAnyOrder(NotificationKind.CAMERA_REGISTERED, NotificationKind.LIVE_ACCESS_OPENED);

        postForm("/notifications/preferences?token=" + token, "receive=camera-registered&receive=live-access-opened");
        assertThat(preferences.turnedOff(account)).containsExactly(NotificationKind.CAMERA_DELETED);
    }

    @Test
    void aMandatoryKindCannotBeChosenAwayAndNothingIsChanged() throws Exception {
        UUID account = knownAccount();
        HttpResponse<String> refused = postForm("/notifications/preferences?token=" + tokens.forPreferences(account),
                "receive=camera-deleted&receive=password-reset");

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode problem = json(refused);
        assertThat(problem.path("type").asString()).isEqualTo("https://cameraregistry.org/problems/invalid-request");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("receive");
        assertThat(preferences.turnedOff(account)).isEmpty();
    }

    @Test
    void aForgedLinkIsRefusedWithProblemDetailsOrAPageForABrowser() throws Exception {
        UUID account = knownAccount();
        String genuine = tokens.forKind(account, NotificationKind.CAMERA_REGISTERED);
        String otherAccount = tokens.forKind(UUID.randomUUID(), NotificationKind.CAMERA_REGISTERED);
        String forged = genuine.substring(0, genuine.indexOf('.')) + otherAccount.substring(otherAccount.indexOf('.'));

        for (String token : new String[] {forged, "not-a-token", genuine + "x", ""}) {
            HttpResponse<String> refused = oneClick(token);
            assertThat(refused.statusCode()).as(token).isIn(400, 403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
        }
        JsonNode problem = json(oneClick(forged));
        assertThat(problem.path("status").asInt()).isEqualTo(403);
        assertThat(problem.path("type").asString()).isEqualTo("https://cameraregistry.org/problems/link-forged");
        assertThat(preferences.turnedOff(account)).isEmpty();

        HttpResponse<String> page = get("/notifications/unsubscribe?token=" + forged, BROWSER_ACCEPT, "es");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("Este enlace no funciona", "No se cambió nada.");
    }

    @Test
    void anExpiredLinkIsRefusedAsGone() throws Exception {
        UUID account = knownAccount();
        Clock longAgo = Clock.fixed(Instant.now().minus(properties.unsubscribe().linkValidity()).minusSeconds(60),
                ZoneOffset.UTC);
        String expired = new UnsubscribeTokens(properties, longAgo).forKind(account, NotificationKind.CAMERA_REGISTERED);

        HttpResponse<String> refused = oneClick(expired);

        assertThat(refused.statusCode()).isEqualTo(410);
        assertThat(json(refused).path("type").asString()).isEqualTo("https://cameraregistry.org/problems/link-expired");
        assertThat(preferences.turnedOff(account)).isEmpty();
    }

    @Test
    void aOneKindLinkDoesNotOpenThePreferencesOfEveryKind() throws Exception {
        UUID account = knownAccount();
        String oneKind = tokens.forKind(account, NotificationKind.CAMERA_REGISTERED);

        HttpResponse<String> refused = postForm("/notifications/preferences?token=" + oneKind, "");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).path("type").asString()).isEqualTo("https://cameraregistry.org/problems/link-wrong-page");
        assertThat(preferences.turnedOff(account)).as("every optional kind would be off").isEmpty();
    }

    @Test
    void theLinksOfAnErasedAccountStoreNothingThatNamesIt() throws Exception {
        UUID account = knownAccount();
        String unsubscribe = tokens.forKind(account, NotificationKind.CAMERA_REGISTERED);
        String preferencesToken = tokens.forPreferences(account);
        contacts.erase(account, Instant.now());

        assertThat(oneClick(unsubscribe).statusCode()).isEqualTo(200);
        HttpResponse<String> page = get("/notifications/preferences?token=" + preferencesToken, BROWSER_ACCEPT, "en");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("This account is erased");
        HttpResponse<String> choice = postForm("/notifications/preferences?token=" + preferencesToken, "");
        assertThat(choice.statusCode()).isEqualTo(404);
        assertThat(json(choice).path("type").asString()).isEqualTo("https://cameraregistry.org/problems/account-erased");
        assertThat(preferences.turnedOff(account)).isEmpty();
    }

    @Test
    void theEveryKindLinkUnsubscribesFromEveryOptionalKind() throws Exception {
        UUID account = knownAccount();

        assertThat(oneClick(tokens.forPreferences(account)).statusCode()).isEqualTo(200);

        assertThat(preferences.turnedOff(account)).containsExactlyInAnyOrderElementsOf(PreferenceLinks.optionalKinds());
        assertThat(preferences.receives(account, NotificationKind.PASSWORD_RESET)).isTrue();
    }

    private UUID knownAccount() {
        UUID account = UUID.randomUUID();
        contacts.save(new Contact(account, 1, "pages-" + account + "@example.org", "Page Reader", Locale.ENGLISH));
        return account;
    }

    private HttpResponse<String> oneClick(String token) throws IOException, InterruptedException {
        return postForm("/notifications/unsubscribe?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
                "List-Unsubscribe=One-Click");
    }

    private HttpResponse<String> postForm(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String accept, String language) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).header("Accept-Language", language)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        return JsonMapper.shared().readTree(response.body());
    }
}
