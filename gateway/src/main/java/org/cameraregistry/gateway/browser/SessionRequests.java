package org.cameraregistry.gateway.browser;

import java.util.List;
import java.util.Set;
import org.cameraregistry.gateway.portal.PortalPaths;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Which requests need a CSRF token: those that could ride a browser's session. A request that
 * changes something, carries the session cookie, and brings no credentials of its own. A request
 * with an {@code Authorization} header brings its own (a page cannot make a browser send one to
 * another site), and one without the session cookie has no session to ride. The portal's own forms
 * always carry the token: their pages put it there.
 */
final class SessionRequests implements ServerWebExchangeMatcher {

    /** The session cookie's name: Spring WebFlux's default. */
    static final String SESSION_COOKIE = "SESSION";

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
    private static final List<PathPattern> PORTAL_FORMS =
            PortalPaths.FORMS.stream().map(PathPatternParser.defaultInstance::parse).toList();

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        return ridesTheSession(request) || postsAPortalForm(request) ? MatchResult.match() : MatchResult.notMatch();
    }

    static boolean postsAPortalForm(ServerHttpRequest request) {
        PathContainer path = request.getPath().pathWithinApplication();
        return !SAFE.contains(request.getMethod()) && PORTAL_FORMS.stream().anyMatch(form -> form.matches(path));
    }

    static boolean ridesTheSession(ServerHttpRequest request) {
        return !SAFE.contains(request.getMethod())
                && !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                && request.getCookies().containsKey(SESSION_COOKIE);
    }
}
