package org.cameraregistry.gateway.browser;

import org.cameraregistry.gateway.problem.Problems;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.factory.TokenRelayGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Spring Cloud Gateway's token relay, for every route: a signed-in browser's request goes on with
 * the session's access token. When the provider refuses to refresh it (the account was disabled or
 * erased, the refresh token expired), the session ends and the answer is 401 {@code session-ended},
 * so the browser signs in again, rather than an error of the gateway's.
 */
@Component
public class SessionTokenRelay {

    private final GatewayFilter relay;

    SessionTokenRelay(TokenRelayGatewayFilterFactory relays) {
        this.relay = relays.apply();
    }

    public GatewayFilter filter() {
        // A request with its own token keeps it: there is no session's token to put in its place.
        return (exchange, chain) -> OwnTokenApiRequests.matches(exchange.getRequest())
                ? chain.filter(exchange)
                : relayed(exchange, chain);
    }

    private Mono<Void> relayed(ServerWebExchange exchange, GatewayFilterChain chain) {
        return relay.filter(exchange, chain)
                .onErrorResume(OAuth2AuthorizationException.class, refused -> exchange.getSession()
                        .flatMap(WebSession::invalidate)
                        .then(Mono.defer(() -> {
                            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"camera-registry\"");
                            return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "session-ended", "Session ended",
                                    "This browser's session has ended. Sign in again at " + BrowserSessionSecurity.SIGN_IN_PATH + ".");
                        })));
    }
}
