package org.cameraregistry.gateway.routing;

import java.net.ConnectException;
import org.cameraregistry.catalog.PlatformService;
import org.cameraregistry.catalog.ServiceCatalog;
import org.cameraregistry.gateway.GatewayProperties;
import org.cameraregistry.gateway.browser.SessionTokenRelay;
import org.cameraregistry.gateway.resilience.UpstreamGuard;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import reactor.netty.http.client.PrematureCloseException;

/**
 * A route per service with public paths in the catalog, to its instances in turn ({@code lb://}),
 * each behind its {@link UpstreamGuard}, with Spring Cloud Gateway's security headers and, for a
 * signed-in browser, its session's access token ({@link SessionTokenRelay}); a {@code GET} that fails to connect, or whose connection
 * closes before any answer, is tried once more, on the next instance.
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

    /**
     * Around everything that reaches the service, the writing of its answer (-1) included, so that
     * the guard judges each call once, by the answer as sent, however often it was retried inside.
     */
    private static final int GUARD_ORDER = -5;
    /** Before the guard, so that a session whose token cannot be renewed is not held against the service. */
    private static final int TOKEN_RELAY_ORDER = -10;

    @Bean
    ServiceInstances serviceInstances(GatewayProperties properties) {
        return new ServiceInstances(properties);
    }

    @Bean
    RouteLocator routesFromTheCatalog(RouteLocatorBuilder builder, UpstreamGuard guard, SessionTokenRelay tokenRelay) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (PlatformService service : ServiceCatalog.routed()) {
            routes.route(service.name(), route -> route
                    .path(service.publicPaths().toArray(String[]::new))
                    .filters(filters -> filters
                            .secureHeaders()
                            .filter(tokenRelay.filter(), TOKEN_RELAY_ORDER)
                            .filter(guard.of(service.name()), GUARD_ORDER)
                            .retry(retry -> retry
                                    .setRetries(1)
                                    .setMethods(HttpMethod.GET)
                                    .setSeries()
                                    .setStatuses()
                                    .setExceptions(ConnectException.class, PrematureCloseException.class)))
                    .uri("lb://" + service.name()));
        }
        return routes.build();
    }
}
