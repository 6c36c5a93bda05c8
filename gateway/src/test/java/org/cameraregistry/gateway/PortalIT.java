package org.cameraregistry.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.cameraregistry.testkit.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The portal's pages as the gateway serves them. */
class PortalIT {

    private static Gateways gateway;
    private static ApiClient browser;

    @BeforeAll
    static void start() {
        gateway = Gateways.start();
        browser = gateway.api();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void theHomePageSaysWhatTheProgramIsAndOffersSignIn() {
        ApiClient.Response home = browser.get("/", "Accept", "text/html");

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.header("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(home.body()).contains("Level 1", "Level 2", "What the police can and cannot do", "Our promises about your data")
                .contains("href=\"/oauth2/authorization/camera-registry\"");
    }

    @Test
    void pagesMayRunOnlyThePortalsOwnScriptsAndStylesAndAreNotFramed() {
        ApiClient.Response home = browser.get("/", "Accept", "text/html");

        String policy = home.header("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(home.header("X-Frame-Options")).contains("DENY");
        assertThat(home.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(home.body()).doesNotContain("<script>").doesNotContain("style=\"");
    }

    @Test
    void theStylesheetIsServed() {
        ApiClient.Response css = browser.get("/portal/portal.css");

        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type").orElseThrow()).startsWith("text/css");
        assertThat(css.body()).contains("focus-visible");
    }
}
