package org.cameraregistry.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Calls an HTTP API as a client would, with nothing but the JDK's HTTP client; held to an
 * {@link ApiContract}, it checks every exchange against the service's OpenAPI document.
 */
public final class ApiClient {

    private static final JsonMapper JSON = new JsonMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final ApiContract contract;
    private final Supplier<String> caller;

    public ApiClient(String baseUrl) {
        this(baseUrl, null, null);
    }

    private ApiClient(String baseUrl, ApiContract contract, Supplier<String> caller) {
        this.baseUrl = baseUrl;
        this.contract = contract;
        this.caller = caller;
    }

    /** The same client, failing any exchange that differs from the service's OpenAPI document. */
    public ApiClient heldTo(ApiContract contract) {
        return new ApiClient(baseUrl, contract, caller);
    }

    /**
     * The same client, sending this caller's bearer token with every request (a fresh one each time,
     * so that a long test never sends an expired one), unless a request names its own.
     */
    public ApiClient as(TestIssuer.Token token) {
        return new ApiClient(baseUrl, contract, token::value);
    }

    /** The same client, sending the bearer token {@code tokens} gives at each request. */
    public ApiClient withBearer(Supplier<String> tokens) {
        return new ApiClient(baseUrl, contract, tokens);
    }

    /** The same client without a token: an anonymous caller. */
    public ApiClient anonymous() {
        return new ApiClient(baseUrl, contract, null);
    }

    public Response get(String path) {
        return send(request(path).GET(), null);
    }

    /** A GET with headers, as name, value, name, value... */
    public Response get(String path, String... headers) {
        HttpRequest.Builder builder = request(path).GET();
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder, null);
    }

    public Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)),
                json);
    }

    /** A JSON POST with more headers, as name, value, name, value... */
    public Response post(String path, String json, String... headers) {
        return send(request(path).header("Content-Type", "application/json").headers(headers)
                .POST(HttpRequest.BodyPublishers.ofString(json)), json);
    }

    public Response postAs(String contentType, String path, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)),
                body);
    }

    public Response put(String path, String json, String... headers) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder, json);
    }

    public Response delete(String path, String... headers) {
        HttpRequest.Builder builder = request(path).DELETE();
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder, null);
    }

    public String baseUrl() {
        return baseUrl;
    }

    private HttpRequest.Builder request(String path) {
        // A request that hangs fails its test rather than the whole build.
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
    }

    private Response send(HttpRequest.Builder builder, String body) {
        if (caller != null && builder.copy().build().headers().firstValue("Authorization").isEmpty()) {
            builder.header("Authorization", "Bearer " + caller.get());
        }
        HttpRequest request = builder.build();
        Response response;
        try {
            response = new Response(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (contract != null) {
            contract.check(request.method(), request.uri(), request.headers().map(), body, response);
        }
        return response;
    }

    /** A response, with its body read as JSON where it is JSON. */
    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        public JsonNode json() {
            String body = raw.body();
            return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
        }

        public String body() {
            return raw.body();
        }
    }
}
