package org.cameraregistry.gateway.routing;

import java.net.URI;
import java.util.List;
import org.cameraregistry.catalog.PlatformService;
import org.cameraregistry.catalog.ServiceCatalog;
import org.cameraregistry.gateway.GatewayProperties;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import reactor.core.publisher.Flux;

/**
 * Where each service's instances are, for Spring Cloud LoadBalancer: the addresses configured
 * under {@code gateway.services.<name>}, or the catalog's port on this machine. In Kubernetes one
 * address (the Service) suffices; the local stack lists each instance.
 */
public class ServiceInstances implements ReactiveDiscoveryClient {

    private final GatewayProperties properties;

    public ServiceInstances(GatewayProperties properties) {
        this.properties = properties;
    }

    @Override
    public String description() {
        return "the service catalog, with addresses from gateway.services";
    }

    @Override
    public Flux<ServiceInstance> getInstances(String serviceId) {
        return Flux.fromIterable(addresses(serviceId))
                .index()
                .map(indexed -> new DefaultServiceInstance(serviceId + "-" + indexed.getT1(), serviceId,
                        indexed.getT2().getHost(), port(indexed.getT2()), "https".equals(indexed.getT2().getScheme())));
    }

    @Override
    public Flux<String> getServices() {
        return Flux.fromIterable(ServiceCatalog.services()).map(PlatformService::name);
    }

    private List<URI> addresses(String serviceId) {
        List<URI> configured = properties.services().get(serviceId);
        if (configured != null && !configured.isEmpty()) {
            return configured;
        }
        return ServiceCatalog.named(serviceId).map(service -> List.of(URI.create(service.localUrl()))).orElse(List.of());
    }

    private static int port(URI address) {
        return address.getPort() != -1 ? address.getPort() : "https".equals(address.getScheme()) ? 443 : 80;
    }
}
