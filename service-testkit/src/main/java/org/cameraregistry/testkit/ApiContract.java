package org.cameraregistry.testkit;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A service's OpenAPI 3.1 document, held against its real traffic: every answer must be one the
 * document describes for its operation (status, media type, body schema), and every request the
 * service accepted must be one the document allows (its parameters, its body), so that the
 * document cannot drift from what the service does. The schemas are checked as the JSON Schema
 * 2020-12 they are in OpenAPI 3.1, by the same validator the event contracts use.
 */
public final class ApiContract {

    /** The document's name for the validator, which resolves each {@code $ref} inside it. */
    private static final String DOCUMENT = "https://contract.cameraregistry.test/openapi.json";
    private static final JsonMapper JSON = new JsonMapper();
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{([^}/]+)}");

    private final JsonNode document;
    private final SchemaRegistry schemas;

    private ApiContract(String document) {
        this.document = JSON.readTree(document);
        this.schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(DOCUMENT, document)).schemaLoader(loader -> loader.fetchRemoteResources(false)));
    }

    /** The document a running service publishes at {@code documentUrl}, such as {@code .../v3/api-docs}. */
    public static ApiContract of(String documentUrl) {
        ApiClient.Response document = new ApiClient("").get(documentUrl);
        if (document.status() != 200) {
            throw new AssertionError("no OpenAPI document at " + documentUrl + ": " + document.status());
        }
        return new ApiContract(document.body());
    }

    /** The document's OpenAPI version, such as {@code 3.1.0}. */
    public String version() {
        return document.path("openapi").asString();
    }

    /** Fails, naming every difference, if the exchange is not one the document describes. */
    void check(String method, URI uri, Map<String, List<String>> headers, String body, ApiClient.Response response) {
        Optional<Operation> found = operation(method, uri.getPath());
        if (found.isEmpty()) {
            // A path or method the service does not have cannot be in its document; its 404 or 405 is the chassis'.
            if (response.status() == 404 || response.status() == 405) {
                return;
            }
            throw new AssertionError(method + " " + uri.getPath() + " answered " + response.status()
                    + " but the OpenAPI document has no such operation");
        }
        Operation operation = found.get();
        List<String> differences = new ArrayList<>();
        if (response.status() < 400) {
            checkRequest(operation, uri, headers, body, differences);
        }
        checkResponse(operation, response, differences);
        if (!differences.isEmpty()) {
            throw new AssertionError(method + " " + uri + " answered " + response.status()
                    + " differently from the OpenAPI document:\n  " + String.join("\n  ", differences));
        }
    }

    private void checkRequest(Operation operation, URI uri, Map<String, List<String>> headers, String body,
            List<String> differences) {
        Map<String, String> query = query(uri);
        List<String> documented = new ArrayList<>();
        JsonNode parameters = operation.node().path("parameters");
        for (int i = 0; i < parameters.size(); i++) {
            JsonNode parameter = parameters.get(i);
            String name = parameter.path("name").asString();
            String in = parameter.path("in").asString();
            documented.add(in + ":" + name);
            String value = switch (in) {
                case "path" -> operation.pathVariables().get(name);
                case "query" -> query.get(name);
                case "header" -> header(headers, name);
                default -> null;
            };
            if (value == null) {
                if (parameter.path("required").asBoolean(false)) {
                    differences.add("the required " + in + " parameter " + name + " is missing");
                }
                continue;
            }
            JsonNode schema = parameter.path("schema");
            validate(operation.pointer() + "/parameters/" + i + "/schema", typed(value, schema),
                    in + " parameter " + name, differences);
        }
        query.keySet().stream().filter(name -> !documented.contains("query:" + name))
                .forEach(name -> differences.add("the query parameter " + name + " was accepted but is not documented"));
        JsonNode requestBody = operation.node().path("requestBody");
        if (body == null || body.isEmpty()) {
            if (requestBody.path("required").asBoolean(false)) {
                differences.add("the request body is required but none was sent");
            }
            return;
        }
        String mediaType = mediaType(header(headers, "Content-Type"));
        if (requestBody.isMissingNode() || !requestBody.path("content").has(mediaType)) {
            differences.add("a request body of " + mediaType + " was accepted but is not documented");
            return;
        }
        validate(operation.pointer() + "/requestBody/content/" + escape(mediaType) + "/schema", parse(body),
                "request body", differences);
    }

    private void checkResponse(Operation operation, ApiClient.Response response, List<String> differences) {
        JsonNode responses = operation.node().path("responses");
        String status = Integer.toString(response.status());
        String key = responses.has(status) ? status : responses.has("default") ? "default" : null;
        if (key == null) {
            differences.add("the status " + status + " is not documented (documented: " + responses.propertyNames() + ")");
            return;
        }
        JsonNode content = responses.path(key).path("content");
        String body = response.body();
        if (body == null || body.isEmpty()) {
            if (!content.isMissingNode() && !content.isEmpty()) {
                differences.add("status " + status + " is documented with a body, but none came");
            }
            return;
        }
        String mediaType = mediaType(response.header("Content-Type").orElse(""));
        if (!content.has(mediaType)) {
            differences.add("status " + status + " came as " + mediaType + ", documented as "
                    + content.propertyNames());
            return;
        }
        validate(operation.pointer() + "/responses/" + key + "/content/" + escape(mediaType) + "/schema", parse(body),
                "answer", differences);
    }

    private void validate(String pointer, JsonNode value, String what, List<String> differences) {
        List<Error> errors = schemas.getSchema(SchemaLocation.of(DOCUMENT + "#" + fragment(pointer))).validate(value);
        errors.forEach(error -> differences.add(what + " " + error.getInstanceLocation() + ": " + error.getMessage()));
    }

    /** The operation of {@code method} on the path template that matches {@code path}, literal segments first. */
    private Optional<Operation> operation(String method, String path) {
        String verb = method.toLowerCase(Locale.ROOT);
        return document.path("paths").properties().stream()
                .filter(entry -> entry.getValue().has(verb))
                .sorted(Comparator.comparingLong(entry -> TEMPLATE_VARIABLE.matcher(entry.getKey()).results().count()))
                .flatMap(entry -> match(entry.getKey(), path).stream().map(variables -> new Operation(
                        "/paths/" + escape(entry.getKey()) + "/" + verb, entry.getValue().path(verb), variables)))
                .findFirst();
    }

    private static Optional<Map<String, String>> match(String template, String path) {
        List<String> names = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        Matcher variable = TEMPLATE_VARIABLE.matcher(template);
        int last = 0;
        while (variable.find()) {
            regex.append(Pattern.quote(template.substring(last, variable.start()))).append("([^/]+)");
            names.add(variable.group(1));
            last = variable.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        Matcher matcher = Pattern.compile(regex.toString()).matcher(path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            variables.put(names.get(i), URLDecoder.decode(matcher.group(i + 1), StandardCharsets.UTF_8));
        }
        return Optional.of(variables);
    }

    /** A parameter's text as the JSON value its schema describes, so that the schema can judge it. */
    private static JsonNode typed(String value, JsonNode schema) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asString() : schema.path("type").asString();
        try {
            return switch (type) {
                // A list in a query parameter is comma-separated (form style, not exploded).
                case "array" -> {
                    var items = nodes.arrayNode();
                    for (String item : value.split(",", -1)) {
                        items.add(typed(item, schema.path("items")));
                    }
                    yield items;
                }
                case "integer" -> nodes.numberNode(Long.parseLong(value));
                case "number" -> nodes.numberNode(Double.parseDouble(value));
                case "boolean" -> value.equals("true") || value.equals("false") ? nodes.booleanNode(Boolean.parseBoolean(value))
                        : nodes.stringNode(value);
                default -> nodes.stringNode(value);
            };
        } catch (NumberFormatException e) {
            return nodes.stringNode(value);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return JsonNodeFactory.instance.stringNode(body);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String parameter : uri.getRawQuery().split("&")) {
                String[] nameAndValue = parameter.split("=", 2);
                query.put(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
                        nameAndValue.length > 1 ? URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                .flatMap(header -> header.getValue().stream()).findFirst().orElse(null);
    }

    private static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    /** A JSON Pointer token (RFC 6901). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** A JSON Pointer as a URI fragment: characters a fragment may not hold are percent-encoded. */
    private static String fragment(String pointer) {
        return URLEncoder.encode(pointer, StandardCharsets.UTF_8).replace("%2F", "/").replace("%7E", "~")
                .replace("+", "%20");
    }

    /** One operation of the document: where it is, what it says, and the path's variables as the request filled them. */
    private record Operation(String pointer, JsonNode node, Map<String, String> pathVariables) {
    }
}
