package org.cameraregistry.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import org.cameraregistry.gateway.GatewayProperties;
import org.cameraregistry.gateway.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * How many API requests one client address may send per second, reads and writes counted apart
 * (Resilience4j rate limiters, one per address and kind, forgotten when the address goes quiet).
 * Beyond: 429 problem details with {@code Retry-After}. Every API path is open without sign-in
 * today, so every one is limited. The address is the connection's: behind a proxy, configure
 * Spring's forwarded-header support so that it is the client's, not the proxy's.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ClientRateLimit implements WebFilter {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final RateLimiterConfig reads;
    private final RateLimiterConfig writes;
    private final Cache<String, AtomicRateLimiter> limiters;

    ClientRateLimit(GatewayProperties properties) {
        GatewayProperties.RateLimits limits = properties.rateLimits();
        this.reads = perSecond(limits.readsPerSecond());
        this.writes = perSecond(limits.writesPerSecond());
        this.limiters = Caffeine.newBuilder()
                .maximumSize(limits.clientsRemembered())
                .expireAfterAccess(Duration.ofMinutes(5))
                .build();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        boolean read = READS.contains(exchange.getRequest().getMethod());
        String key = (read ? "reads " : "writes ") + clientAddress(exchange);
        AtomicRateLimiter limiter = limiters.get(key, name -> new AtomicRateLimiter(name, read ? reads : writes));
        if (limiter.acquirePermission()) {
            return chain.filter(exchange);
        }
        long seconds = Math.max(1, (long) Math.ceil(limiter.getDetailedMetrics().getNanosToWait() / 1e9));
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
                "This address sent more " + (read ? "reads" : "changes") + " than the "
                        + (read ? reads : writes).getLimitForPeriod() + " per second it may. Retry in " + seconds + " s.");
    }

    private static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    private static RateLimiterConfig perSecond(int limit) {
        return RateLimiterConfig.custom()
                .limitForPeriod(limit)
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build();
    }
}
