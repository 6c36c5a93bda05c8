package org.cameraregistry.gateway.browser;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A request to the API ({@code /api/**}) with its own bearer token: the services check that token,
 * and the browser's session, if one came along, has nothing to add to it.
 */
final class OwnTokenApiRequests implements ServerWebExchangeMatcher {

    private static final String API = "/api/";
    private static final String BEARER = "bearer ";

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        return matches(exchange.getRequest()) ? MatchResult.match() : MatchResult.notMatch();
    }

    static boolean matches(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null
                && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && request.getPath().pathWithinApplication().value().startsWith(API);
    }
}
