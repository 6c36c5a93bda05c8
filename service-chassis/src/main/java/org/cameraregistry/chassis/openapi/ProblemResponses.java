package org.cameraregistry.chassis.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cameraregistry.chassis.problem.ProblemDetailsHandler;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Completes a service's OpenAPI document with what the chassis answers on every path: the
 * {@value #PROBLEM} schema of RFC 9457 problem details, and the problems any operation may answer
 * (400 for bad input, 415 for a body that is not JSON, 401 and 403 where a token is needed, 500, 503),
 * and the bearer security scheme, beside those the service's
 * controllers declare for their own domain.
 */
public class ProblemResponses implements OpenApiCustomizer {

    /** The schema's name, for controllers that declare a problem of their own. */
    public static final String PROBLEM = "Problem";
    /** A reference to it, for {@code @Schema(ref = ...)}. */
    public static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    public static final String PROBLEM_JSON = "application/problem+json";
    /**
     * The security scheme of operations that need a token: annotate them (or their controller) with
     * {@code @SecurityRequirement(name = ProblemResponses.BEARER)}, and their 401 and 403 are documented.
     */
    public static final String BEARER = "bearer";

    private final String service;

    public ProblemResponses(String service) {
        this.service = service;
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getInfo() == null) {
            api.setInfo(new Info());
        }
        api.getInfo().title(service).description("The HTTP API of the Community Camera Registry's " + service
                + ". Every error is RFC 9457 problem details; `type` names the problem under "
                + ProblemDetailsHandler.TYPE_BASE + ".");
        api.getComponents().addSchemas(PROBLEM, problemSchema());
        api.getComponents().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT")
                .description("An access token of the platform's OpenID Connect provider (identity-service)."));
        if (api.getPaths() == null) {
            return;
        }
        for (PathItem path : api.getPaths().values()) {
            for (Operation operation : path.readOperations()) {
                ApiResponses responses = operation.getResponses();
                boolean takesInput = operation.getRequestBody() != null
                        || (operation.getParameters() != null && !operation.getParameters().isEmpty());
                if (takesInput) {
                    responses.putIfAbsent("400", problem("`invalid-request`: a parameter or field is invalid, each"
                            + " named in `errors`; `malformed-json`: the body is not JSON."));
                }
                if (operation.getRequestBody() != null) {
                    responses.putIfAbsent("415", problem("`http-415`: the body is not `application/json`."));
                }
                boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
                if (secured) {
                    responses.putIfAbsent("401", problem("`unauthenticated`: no bearer token; `invalid-token`: it is"
                            + " expired, tampered with, or not the platform's. Sign in again."));
                    responses.putIfAbsent("403", problem("`forbidden`: the token's roles do not allow this."));
                }
                responses.putIfAbsent("500", problem("`internal-error`: a fault of ours; it has been logged."));
                responses.putIfAbsent("503", problem("`storage-unavailable`: the service cannot reach its database,"
                        + " nothing was changed; `storage-interrupted`: it lost it while answering, a change may have"
                        + " been made" + (secured ? "; `token-check-unavailable`: the keys that check tokens could not be"
                        + " fetched" : "") + ". Retry after `Retry-After` seconds."));
            }
        }
    }

    /** A problem-details answer, described by what its {@code type} may be. */
    public static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
    }

    private static Schema<?> problemSchema() {
        ObjectSchema fieldProblem = new ObjectSchema();
        fieldProblem.setProperties(new LinkedHashMap<>(Map.of(
                "field", new StringSchema().description("the field or parameter at fault"),
                "message", new StringSchema().description("what is wrong with it"))));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.addProperty("type", new StringSchema().format("uri-reference").description("the kind of problem"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema().description("what happened, for a person to read"));
        problem.addProperty("instance", new StringSchema().format("uri-reference").description("the path asked for"));
        problem.addProperty("errors", new ArraySchema().items(fieldProblem)
                .description("for invalid-request: each field or parameter at fault"));
        problem.setRequired(List.of("type", "title", "status"));
        return problem;
    }
}
