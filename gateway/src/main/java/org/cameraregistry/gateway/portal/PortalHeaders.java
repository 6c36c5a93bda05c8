package org.cameraregistry.gateway.portal;

import java.net.URI;
import org.cameraregistry.gateway.GatewayProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The portal's pages (every path but the API's, whose services and Swagger UI set their own) may run
 * only the portal's own scripts and styles, never inline ones, and are not framed by other sites; a
 * page whose service set these headers keeps them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalHeaders implements WebFilter {

    private final String contentSecurityPolicy;

    PortalHeaders(GatewayProperties properties) {
        String tiles = properties.portal().map().tileOrigin();
        URI issuer = properties.browser().issuer();
        String provider = issuer.getScheme() + "://" + issuer.getHost() + (issuer.getPort() == -1 ? "" : ":" + issuer.getPort());
        // Forms post only here (signing out goes on to the provider); map tiles are the one thing fetched from elsewhere.
        this.contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"
                + (tiles.isEmpty() ? "" : " " + tiles)
                + "; object-src 'none'; base-uri 'none'; form-action 'self' " + provider + "; frame-ancestors 'none'";
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
            exchange.getResponse().beforeCommit(() -> {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                // A page a service rendered (notification-service's preferences) keeps its own, stricter, policy.
                setUnlessPresent(headers, "Content-Security-Policy", contentSecurityPolicy);
                setUnlessPresent(headers, "X-Content-Type-Options", "nosniff");
                setUnlessPresent(headers, "Referrer-Policy", "same-origin");
                setUnlessPresent(headers, "X-Frame-Options", "DENY");
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }

    private static void setUnlessPresent(HttpHeaders headers, String name, String value) {
        if (!headers.containsHeader(name)) {
            headers.set(name, value);
        }
    }
}
