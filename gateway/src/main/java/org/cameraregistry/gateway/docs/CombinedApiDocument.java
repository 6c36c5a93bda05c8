package org.cameraregistry.gateway.docs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cameraregistry.catalog.PlatformService;
import org.cameraregistry.catalog.ServiceCatalog;
import org.cameraregistry.gateway.problem.Problems;
import org.cameraregistry.gateway.routing.ServiceInstances;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/docs/openapi.json}: the public API as one OpenAPI 3.1 document, combined from the
 * documents of the services the gateway routes to (each at its {@code /v3/api-docs}), with the
 * answers the gateway itself may give on every operation. A service that cannot be reached is
 * named in the document's description and left out until it answers again.
 */
@RestController
public class CombinedApiDocument {

    static final String PATH = "/api/docs/openapi.json";
    private static final Logger log = LoggerFactory.getLogger(CombinedApiDocument.class);
    private static final JsonMapper JSON = new JsonMapper();

    private final ServiceInstances instances;
    private final WebClient http = WebClient.create();

    CombinedApiDocument(ServiceInstances instances) {
        this.instances = instances;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<JsonNode> combined() {
        return Flux.fromIterable(ServiceCatalog.routed())
                .flatMapSequential(service -> fetch(service).map(document -> Map.entry(service.name(), document))
                        .onErrorResume(failure -> {
                            log.warn("the OpenAPI document of {} could not be read: {}", service.name(), failure.toString());
                            return Mono.just(Map.entry(service.name(), JSON.missingNode()));
                        }))
                .collectList()
                .map(CombinedApiDocument::combine);
    }

    /** The service's document from the first of its instances that gives it. */
    private Mono<JsonNode> fetch(PlatformService service) {
        return instances.getInstances(service.name())
                .concatMap(instance -> http.get().uri(instance.getUri() + "/v3/api-docs").retrieve()
                        .bodyToMono(JsonNode.class).timeout(Duration.ofSeconds(5))
                        .onErrorResume(failure -> Mono.empty()))
                .next()
                .switchIfEmpty(Mono.error(new IllegalStateException("no instance gave its document")));
    }

    private static JsonNode combine(List<Map.Entry<String, JsonNode>> documents) {
        ObjectNode combined = JSON.createObjectNode();
        combined.put("openapi", "3.1.0");
        ObjectNode info = combined.putObject("info");
        info.put("title", "Community Camera Registry");
        info.put("version", "1");
        combined.putArray("servers").addObject().put("url", "/");
        ArrayNode tags = combined.putArray("tags");
        ObjectNode paths = combined.putObject("paths");
        ObjectNode components = combined.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode securitySchemes = components.putObject("securitySchemes");
        List<String> unavailable = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : documents) {
            JsonNode document = entry.getValue();
            if (document.isMissingNode()) {
                unavailable.add(entry.getKey());
                continue;
            }
            document.path("tags").forEach(tags::add);
            document.path("paths").properties().forEach(path -> paths.set(path.getKey(), withGatewayAnswers(path.getValue())));
            document.path("components").path("schemas").properties()
                    .forEach(schema -> schemas.putIfAbsent(schema.getKey(), schema.getValue()));
            document.path("components").path("securitySchemes").properties()
                    .forEach(scheme -> securitySchemes.putIfAbsent(scheme.getKey(), scheme.getValue()));
        }
        info.put("description", "The public API, through the gateway. Every error is RFC 9457 problem details;"
                + " `type` names the problem under " + Problems.TYPE_BASE + "."
                + (unavailable.isEmpty() ? "" : " Not included, since they did not answer: " + unavailable + "."));
        return combined;
    }

    /** The answers the gateway gives itself, on any operation, beside the service's own. */
    private static JsonNode withGatewayAnswers(JsonNode pathItem) {
        ObjectNode item = (ObjectNode) pathItem.deepCopy();
        item.properties().forEach(operation -> {
            if (!(operation.getValue() instanceof ObjectNode node) || !node.has("responses")) {
                return;
            }
            ObjectNode responses = (ObjectNode) node.get("responses");
            add(responses, "429", "`too-many-requests`: this client address sent more than its share; retry after"
                    + " `Retry-After` seconds.");
            add(responses, "503", "`service-unavailable`: the service cannot be reached or is given a rest after"
                    + " failing; `gateway-busy`: the gateway passes as many requests to it as it takes. Retry after"
                    + " `Retry-After` seconds.");
            add(responses, "504", "`gateway-timeout`: the service did not answer in time; a change may have been made.");
            if (node.has("requestBody")) {
                add(responses, "411", "`length-required`: the body was sent without a Content-Length.");
                add(responses, "413", "`content-too-large`: the body is larger than the API takes.");
            }
        });
        return item;
    }

    /** Adds the answer, or its description to the service's own answer of the same status. */
    private static void add(ObjectNode responses, String status, String description) {
        if (responses.get(status) instanceof ObjectNode existing) {
            existing.put("description", existing.path("description").asString() + " Through the gateway, also: "
                    + description);
            return;
        }
        ObjectNode answer = responses.putObject(status);
        answer.put("description", description);
        answer.putObject("content").putObject(Problems.MEDIA_TYPE).putObject("schema")
                .put("$ref", "#/components/schemas/Problem");
    }
}
