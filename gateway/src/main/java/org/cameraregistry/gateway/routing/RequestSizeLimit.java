package org.cameraregistry.gateway.routing;

import org.cameraregistry.gateway.problem.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a request whose declared body is larger than any API request needs, before it reaches a
 * service, with a 413 problem.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit implements WebFilter {

    private final DataSize maximum;

    RequestSizeLimit(@Value("${gateway.max-request-bytes:2MB}") DataSize maximum) {
        this.maximum = maximum;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > maximum.toBytes()) {
            return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "content-too-large", "Content too large",
                    "The request body is " + length + " bytes; the most this API accepts is " + maximum.toBytes() + ".");
        }
        return chain.filter(exchange);
    }
}
