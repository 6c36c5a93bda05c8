package org.cameraregistry.gateway.routing;

import org.cameraregistry.gateway.GatewayProperties;
import org.cameraregistry.gateway.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a request body larger than any API request needs, before it reaches a service: 413 when
 * its declared length is too large, 411 when it is streamed without a length (chunked), since its
 * size could then only be learnt by reading it all.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeLimit implements WebFilter {

    private final DataSize maximum;

    RequestSizeLimit(GatewayProperties properties) {
        this.maximum = properties.maxRequestBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        long length = headers.getContentLength();
        if (length < 0 && headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return Problems.write(exchange, HttpStatus.LENGTH_REQUIRED, "length-required", "Length required",
                    "Send the request body with a Content-Length header.");
        }
        if (length > maximum.toBytes()) {
            return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "content-too-large", "Content too large",
                    "The request body is " + length + " bytes; the most this API accepts is " + maximum.toBytes() + ".");
        }
        return chain.filter(exchange);
    }
}
