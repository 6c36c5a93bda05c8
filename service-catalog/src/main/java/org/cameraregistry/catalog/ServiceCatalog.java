package org.cameraregistry.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The platform's services, in the order they start. Adding a service means adding it here (see
 * docs/adding-a-service.md): the local stack then starts it and the gateway routes its paths.
 */
public final class ServiceCatalog {

    /** The only public entry point; not a service of its own data, so not in {@link #services()}. */
    public static final PlatformService GATEWAY = new PlatformService("gateway", 8080, List.of());
    /** Where the gateway serves its health and metrics: never the public port. */
    public static final int GATEWAY_MANAGEMENT_PORT = 8090;

    private static final List<PlatformService> SERVICES = List.of(
            new PlatformService("registry-service", 8081, List.of("/api/cameras", "/api/cameras/**", "/api/device-pairings")),
            new PlatformService("geo-search-service", 8082,
                    List.of("/api/search/**", "/api/departments/*/jurisdiction")),
            new PlatformService("access-control-service", 8083, List.of()),
            new PlatformService("notification-service", 8084, List.of("/notifications/**")),
            new PlatformService("device-gateway-service", 8085, List.of()),
            new PlatformService("identity-service", 8086,
                    List.of("/api/accounts", "/api/accounts/**", "/api/me", "/api/me/**", "/api/departments/*/staff",
                            "/api/departments/*/staff/**")));

    private ServiceCatalog() {
    }

    /** Every service behind the gateway, in the order they start. */
    public static List<PlatformService> services() {
        return SERVICES;
    }

    /** The services the gateway routes public paths to. */
    public static List<PlatformService> routed() {
        return SERVICES.stream().filter(service -> !service.publicPaths().isEmpty()).toList();
    }

    public static Optional<PlatformService> named(String name) {
        return SERVICES.stream().filter(service -> service.name().equals(name)).findFirst();
    }
}
