package org.cameraregistry.gateway.browser;

import java.net.URI;
import java.util.Map;
import org.cameraregistry.gateway.GatewayProperties;
import org.cameraregistry.gateway.portal.PortalPaths;
import org.cameraregistry.gateway.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway as the browser's backend (ADR 0013). A browser signs in at the platform's provider
 * by the authorization code flow with PKCE, the gateway being a confidential client; the tokens stay
 * in the gateway's session, and the browser holds only the session cookie ({@code HttpOnly},
 * {@code SameSite=Lax}, {@code Secure} when the request came over TLS). On its way to a service, a
 * request of a signed-in browser carries the session's access token (refreshed when it has
 * expired) as a bearer token, so the services check it as they check any other.
 *
 * <p>The gateway decides nothing about access: every request passes, and each service checks the
 * token itself. A request with its own bearer token (a script, the CLI) goes through as it came.
 */
@Configuration(proxyBeanMethods = false)
class BrowserSessionSecurity {

    /** The registration's id: it names the paths a browser signs in by. */
    static final String REGISTRATION = "camera-registry";
    /** Where a browser starts signing in. */
    static final String SIGN_IN_PATH = "/oauth2/authorization/" + REGISTRATION;
    /** Where a browser's scripts learn whether it is signed in, and its CSRF token. */
    static final String SESSION_PATH = "/session";

    private static final Logger log = LoggerFactory.getLogger(BrowserSessionSecurity.class);

    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(GatewayProperties properties) {
        GatewayProperties.Browser browser = properties.browser();
        if (!browser.signInConfigured()) {
            log.warn("gateway.browser.client-secret is not set: browsers cannot sign in through the gateway");
        }
        String issuer = withoutTrailingSlash(browser.issuer());
        // Browsers are sent to the issuer; the gateway itself asks the provider where it reaches it.
        String provider = withoutTrailingSlash(browser.providerUrl());
        return new InMemoryReactiveClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(browser.clientId())
                .clientSecret(browser.signInConfigured() ? browser.clientSecret() : "")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(OidcScopes.OPENID, OidcScopes.EMAIL)
                // Endpoints named rather than discovered, so the gateway starts while the provider does not answer yet.
                .issuerUri(issuer)
                .authorizationUri(issuer + "/oauth2/authorize")
                .tokenUri(provider + "/oauth2/token")
                .jwkSetUri(provider + "/oauth2/jwks")
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", issuer + "/connect/logout"))
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .clientName("Community Camera Registry")
                .build());
    }

    private static String withoutTrailingSlash(URI address) {
        return address.toString().replaceAll("/+$", "");
    }

    /**
     * No observation of Spring Security's own around each of its filters: the request's observation
     * (its timer, its trace) says what matters, and these cost more than the routing they wrap.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** The browser's tokens live in its session, and go with it. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /**
     * Gives the token relay a current access token, by the refresh token once the access token has
     * expired; a refresh the provider refuses forgets the session's tokens (the browser signs in again).
     */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients) {
        DefaultReactiveOAuth2AuthorizedClientManager manager =
                new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return manager;
    }

    /**
     * Refused before its body was read: the connection closes after the answer, so that no client
     * sends its next request on a connection whose last body is still in flight.
     */
    private static Mono<Void> refusedUnread(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().setConnection("close");
        return Mono.empty();
    }

    /** Spring's default (the token masked anew in each page), read from a file upload's form too. */
    private static XorServerCsrfTokenRequestAttributeHandler tokensInFormsAndFiles() {
        XorServerCsrfTokenRequestAttributeHandler tokens = new XorServerCsrfTokenRequestAttributeHandler();
        tokens.setTokenFromMultipartDataEnabled(true);
        return tokens;
    }

    @Bean
    SecurityWebFilterChain browserSession(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations) {
        OidcClientInitiatedServerLogoutSuccessHandler signedOut = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri("{baseUrl}/");
        String[] signedInPages = PortalPaths.SIGNED_IN.toArray(String[]::new);
        // A page opened before signing in is where the browser comes back to; any other sign-in lands on the owner's cameras.
        WebSessionServerRequestCache pageOpened = new WebSessionServerRequestCache();
        pageOpened.setSaveRequestMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, signedInPages));
        RedirectServerAuthenticationEntryPoint signInFirst = new RedirectServerAuthenticationEntryPoint(SIGN_IN_PATH);
        signInFirst.setRequestCache(pageOpened);
        RedirectServerAuthenticationSuccessHandler landed = new RedirectServerAuthenticationSuccessHandler(PortalPaths.MY_CAMERAS);
        landed.setRequestCache(pageOpened);
        return http
                // An API request with its own token (a script, the CLI, a dispatch system) has nothing to do with a
                // browser's session: no chain applies to it, so it passes the firewall alone and goes on as it came.
                // Through this chain, each would make a session only to look for a saved page and a CSRF token it
                // never has, and pass filters that decide nothing for it.
                .securityMatcher(new NegatedServerWebExchangeMatcher(new OwnTokenApiRequests()))
                // The portal's owner pages need a signed-in browser; the API is each service's to guard.
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(signedInPages).authenticated()
                        .anyExchange().permitAll())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(signInFirst))
                .requestCache(cache -> cache.requestCache(pageOpened))
                .oauth2Login(login -> login
                        // Signing in starts at the provider: the gateway generates no sign-in or sign-out page of its own.
                        .loginPage(SIGN_IN_PATH)
                        .authenticationSuccessHandler(landed)
                        .authenticationFailureHandler((exchange, failure) -> Problems.write(exchange.getExchange(),
                                HttpStatus.UNAUTHORIZED, "sign-in-failed", "Sign-in failed",
                                "Signing in did not complete (" + failure.getMessage() + "). Start again at " + SIGN_IN_PATH + ".")))
                .logout(logout -> logout.logoutSuccessHandler(signedOut))
                .csrf(csrf -> csrf
                        .requireCsrfProtectionMatcher(new SessionRequests())
                        .csrfTokenRequestHandler(tokensInFormsAndFiles())
                        .accessDeniedHandler((exchange, denied) -> refusedUnread(exchange).then(Problems.write(exchange, HttpStatus.FORBIDDEN,
                                "csrf-token-required", "CSRF token required",
                                "A request that changes something and rides a browser's session carries the session's CSRF"
                                        + " token, in the header or form field GET " + SESSION_PATH + " names."))))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                // The services set their own response headers; the routes add Spring Cloud Gateway's, the portal its own.
                .headers(headers -> headers.disable())
                .build();
    }
}
