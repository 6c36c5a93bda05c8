package org.cameraregistry.gateway.portal;

import static org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction.clientRegistrationId;

import java.time.Duration;
import java.util.function.Consumer;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The portal's calls to the services' public API, as the browser's signed-in owner: with the
 * session's access token (renewed when expired), to the service's instances in turn. Every answer
 * comes back as it is, for the page to explain; a service that does not answer in time, or at all,
 * is a {@link ServiceUnavailableException}.
 */
@Component
public class ServiceCalls {

    /** The browser's registration at the provider, whose access token the calls carry. */
    private static final String REGISTRATION = "camera-registry";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WebClient client;
    private final JsonMapper json = JsonMapper.builder().build();

    ServiceCalls(LoadBalancedExchangeFilterFunction loadBalancer, ReactiveOAuth2AuthorizedClientManager authorizedClients) {
        this.client = WebClient.builder()
                .filter(new ServerOAuth2AuthorizedClientExchangeFilterFunction(authorizedClients))
                .filter(loadBalancer)
                .build();
    }

    /**
     * @param service the service's name, such as {@code registry-service}
     * @param path    the API path and query
     * @param body    the JSON body, or null
     * @param headers any further request headers
     * @param asOwner whether the call carries the signed-in owner's token
     */
    public Mono<Answer> call(HttpMethod method, String service, String path, Object body, Consumer<HttpHeaders> headers,
            boolean asOwner) {
        WebClient.RequestBodySpec request = client.method(method)
                .uri("http://" + service + path)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .headers(headers);
        if (asOwner) {
            request = request.attributes(clientRegistrationId(REGISTRATION));
        }
        WebClient.RequestHeadersSpec<?> ready = body == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(json.writeValueAsString(body));
        return answer(service, ready);
    }

    private Mono<Answer> answer(String service, WebClient.RequestHeadersSpec<?> ready) {
        return ready.exchangeToMono(response -> response.bodyToMono(String.class)
                        .defaultIfEmpty("")
                        .map(text -> new Answer(response.statusCode().value(), response.headers().asHttpHeaders(), parse(text))))
                .timeout(TIMEOUT)
                // A session whose tokens the provider no longer renews is not the service's failure: the page asks to sign in.
                .onErrorMap(failure -> !(failure instanceof OAuth2AuthorizationException),
                        failure -> new ServiceUnavailableException(service, failure));
    }

    /** A request whose body is text of its own type (a CSV file), as the signed-in owner. */
    public Mono<Answer> send(HttpMethod method, String service, String path, MediaType type, String text) {
        return answer(service, client.method(method)
                .uri("http://" + service + path)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .attributes(clientRegistrationId(REGISTRATION))
                .contentType(type)
                .bodyValue(text));
    }

    public Mono<Answer> get(String service, String path) {
        return call(HttpMethod.GET, service, path, null, headers -> { }, true);
    }

    private JsonNode parse(String text) {
        if (text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(text);
        } catch (RuntimeException notJson) {
            return MissingNode.getInstance();
        }
    }

    /**
     * A service's answer.
     *
     * @param status  its HTTP status
     * @param headers its headers
     * @param body    its JSON body, or a missing node
     */
    public record Answer(int status, HttpHeaders headers, JsonNode body) {

        public boolean is(int expected) {
            return status == expected;
        }

        /** The problem's {@code type} after its last slash, such as {@code weak-password}; empty if none. */
        public String problem() {
            String type = body.path("type").asString("");
            return type.substring(type.lastIndexOf('/') + 1);
        }

        /** The problem's {@code detail}, for the page to show. */
        public String detail() {
            return body.path("detail").asString("");
        }
    }
}
