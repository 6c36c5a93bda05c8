package org.cameraregistry.gateway.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Errors that arise in the gateway itself (no route, a method not allowed, a service that failed
 * mid-answer) as problem details rather than Spring's default error page. Ahead of Spring Boot's
 * handler, which is ordered -1.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (error instanceof ResponseStatusException status) {
            HttpStatus code = HttpStatus.valueOf(status.getStatusCode().value());
            String detail = status.getReason() != null ? status.getReason() : code.getReasonPhrase();
            return Problems.write(exchange, code, "http-" + code.value(), code.getReasonPhrase(), detail);
        }
        log.error("unexpected error routing {}", exchange.getRequest().getPath(), error);
        return Problems.write(exchange, HttpStatus.BAD_GATEWAY, "bad-gateway", "Bad gateway",
                "The service behind this path did not answer properly. Retry shortly.");
    }
}
