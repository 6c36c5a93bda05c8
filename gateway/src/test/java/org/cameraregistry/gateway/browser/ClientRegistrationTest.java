package org.cameraregistry.gateway.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.cameraregistry.gateway.GatewayProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/** Where the gateway sends browsers to sign in, and where it fetches their tokens itself. */
class ClientRegistrationTest {

    private static ClientRegistration registrationWith(Map<String, String> settings) {
        GatewayProperties properties = new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("gateway", GatewayProperties.class);
        return new BrowserSessionSecurity().clientRegistrations(properties)
                .findByRegistrationId(BrowserSessionSecurity.REGISTRATION).block();
    }

    @Test
    void byDefaultBrowsersAndTheGatewayReachTheProviderAtItsIssuer() {
        ClientRegistration registration = registrationWith(Map.of("gateway.browser.issuer", "https://id.city.example/"));

        ClientRegistration.ProviderDetails provider = registration.getProviderDetails();
        assertThat(provider.getIssuerUri()).isEqualTo("https://id.city.example");
        assertThat(provider.getAuthorizationUri()).isEqualTo("https://id.city.example/oauth2/authorize");
        assertThat(provider.getTokenUri()).isEqualTo("https://id.city.example/oauth2/token");
        assertThat(provider.getJwkSetUri()).isEqualTo("https://id.city.example/oauth2/jwks");
    }

    @Test
    void withAProviderUrlTheGatewayFetchesTokensAndKeysThereWhileBrowsersStillGoToTheIssuer() {
        ClientRegistration registration = registrationWith(Map.of(
                "gateway.browser.issuer", "http://localhost:8086",
                "gateway.browser.provider-url", "http://identity-service:8086/"));

        ClientRegistration.ProviderDetails provider = registration.getProviderDetails();
        assertThat(provider.getIssuerUri()).as("what the ID token's iss must say").isEqualTo("http://localhost:8086");
        assertThat(provider.getAuthorizationUri()).isEqualTo("http://localhost:8086/oauth2/authorize");
        assertThat(provider.getConfigurationMetadata()).containsEntry("end_session_endpoint", "http://localhost:8086/connect/logout");
        assertThat(provider.getTokenUri()).isEqualTo("http://identity-service:8086/oauth2/token");
        assertThat(provider.getJwkSetUri()).isEqualTo("http://identity-service:8086/oauth2/jwks");
    }
}
