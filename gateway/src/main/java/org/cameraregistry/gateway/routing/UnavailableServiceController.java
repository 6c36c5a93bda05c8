package org.cameraregistry.gateway.routing;

import org.cameraregistry.gateway.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What a caller gets while a service cannot be reached or its circuit breaker is open: a 503 that
 * says which service and invites a retry, instead of a hung connection or a bare 500.
 */
@RestController
class UnavailableServiceController {

    @RequestMapping("/unavailable/{service}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set("Retry-After", "5");
        return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                service + " cannot be reached right now. Retry shortly.");
    }
}
