package org.cameraregistry.gateway;

import java.util.ArrayList;
import java.util.List;
import org.cameraregistry.testkit.ApiClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A gateway of its own for a test that needs particular settings, on free ports. */
final class Gateways implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private Gateways(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts a gateway; {@code settings} (as {@code --name=value}) name the services and tune it. */
    static Gateways start(String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0"));
        arguments.addAll(List.of(settings));
        return new Gateways(new SpringApplicationBuilder(GatewayApplication.class).run(arguments.toArray(String[]::new)));
    }

    ApiClient api() {
        return new ApiClient("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
    }

    ApiClient management() {
        return new ApiClient("http://localhost:" + context.getEnvironment().getProperty("local.management.port"));
    }

    /** The state of a service's circuit breaker, as the gateway's metrics tell it: closed, open or half_open. */
    String breakerState(String service) {
        return management().get("/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith("resilience4j_circuitbreaker_state{") && line.contains("name=\"" + service + "\"")
                        && line.endsWith(" 1.0"))
                .map(line -> line.replaceAll(".*state=\"([a-z_]+)\".*", "$1"))
                .findFirst().orElseThrow(() -> new AssertionError("no breaker state for " + service));
    }

    @Override
    public void close() {
        context.close();
    }
}
