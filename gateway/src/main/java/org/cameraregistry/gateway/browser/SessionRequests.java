package org.cameraregistry.gateway.browser;

import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Which requests need a CSRF token: those that could ride a browser's session. A request that
 * changes something, carries the session cookie, and brings no credentials of its own. A request
 * with an {@code Authorization} header brings its own (a page cannot make a browser send one to
 * another site), and one without the session cookie has no session to ride.
 */
final class SessionRequests implements ServerWebExchangeMatcher {

    /** The session cookie's name: Spring WebFlux's default. */
    static final String SESSION_COOKIE = "SESSION";

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        return ridesTheSession(exchange.getRequest()) ? MatchResult.match() : MatchResult.notMatch();
    }

    static boolean ridesTheSession(ServerHttpRequest request) {
        return !SAFE.contains(request.getMethod())
                && !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                && request.getCookies().containsKey(SESSION_COOKIE);
    }
}
