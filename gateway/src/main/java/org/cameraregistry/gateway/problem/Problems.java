package org.cameraregistry.gateway.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The gateway's own answers, as RFC 9457 problem details with the same types as the services'. */
public final class Problems {

    public static final String TYPE_BASE = "https://cameraregistry.org/problems/";
    public static final String MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private Problems() {
    }

    /** Writes a problem of {@code type} (a path under {@link #TYPE_BASE}) as the whole response. */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String title,
            String detail) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        response.getHeaders().setCacheControl("no-store");
        Problem problem = new Problem(TYPE_BASE + type, title, status.value(), detail,
                exchange.getRequest().getPath().value());
        return response.writeWith(Mono.just(response.bufferFactory().wrap(JSON.writeValueAsBytes(problem))));
    }

    private record Problem(String type, String title, int status, String detail, String instance) {
    }
}
