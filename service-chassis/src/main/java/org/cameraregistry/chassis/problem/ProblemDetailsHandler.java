package org.cameraregistry.chassis.problem;

import com.mongodb.MongoException;
import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cameraregistry.chassis.mongo.StorageFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error as RFC 9457 problem details ({@code application/problem+json}), with a stable
 * {@code type} per kind of error and, for bad input, the fields at fault in {@code errors}. Never a
 * stack trace; a 500 only for a bug of ours. A service's {@code @RestControllerAdvice} extends this
 * and adds the errors of its own domain with {@link #problem}.
 */
public abstract class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

    public static final String TYPE_BASE = "https://cameraregistry.org/problems/";

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);

    /** A problem of {@code type} (a path under {@link #TYPE_BASE}) with optional extra members. */
    protected static ResponseEntity<Object> problem(HttpStatus status, String type, String title, String detail,
            HttpHeaders headers, Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return ResponseEntity.status(status).headers(problemHeaders(headers)).body(problem);
    }

    protected static ResponseEntity<Object> problem(HttpStatus status, String type, String title, String detail) {
        return problem(status, type, title, detail, new HttpHeaders(), Map.of());
    }

    /** Bad input: 400 invalid-request, naming each field at fault. */
    protected static ResponseEntity<Object> invalid(List<FieldProblem> errors, HttpHeaders headers) {
        String detail = errors.stream()
                .map(error -> error.field() + " " + error.message())
                .collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail, headers,
                Map.of("errors", errors));
    }

    /** Temporarily unable to answer; the client may retry after a few seconds. */
    protected static ResponseEntity<Object> unavailable(String type, String title, String detail) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return problem(HttpStatus.SERVICE_UNAVAILABLE, type, title, detail, headers, Map.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), messageOf(error)))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return invalid(errors, headers);
    }

    /** A request parameter out of its range ({@code @Min}, {@code @Max} on a controller's parameter). */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return invalid(errors, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return invalid(List.of(new FieldProblem(path(unknown), "is not a field this API accepts")), headers);
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return invalid(List.of(new FieldProblem(path(mismatch), mustBe(mismatch.getTargetType()))), headers);
        }
        String detail = cause instanceof StreamReadException malformed
                ? "The body is not valid JSON" + where(malformed) + ": " + malformed.getOriginalMessage()
                : "The request needs a JSON body.";
        return problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON", detail, headers, Map.of());
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : ex.getPropertyName();
        return invalid(List.of(new FieldProblem(field, mustBe(ex.getRequiredType()))), headers);
    }

    /**
     * The database is away or failing over: 503, so that the client retries. When the operation
     * certainly did not reach the database the answer says nothing changed; otherwise (a broken
     * connection, an unconfirmed write) the change may have been applied, and the answer says so.
     */
    @ExceptionHandler(MongoException.class)
    ResponseEntity<Object> storageFailure(MongoException ex) {
        if (StorageFailures.certainlyNotApplied(ex)) {
            log.warn("storage unavailable: {}", ex.toString());
            return unavailable("storage-unavailable", "Storage unavailable",
                    "The service cannot reach its database right now; nothing was changed. Retry shortly.");
        }
        if (StorageFailures.isTransient(ex)) {
            log.warn("storage interrupted: {}", ex.toString());
            return unavailable("storage-interrupted", "Storage interrupted",
                    "The service lost its database while answering; the change may have been applied."
                            + " Read the resource before retrying.");
        }
        return unexpected(ex);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        log.error("unexpected error", ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "Something went wrong on our side; it has been logged.");
    }

    /** Problems Spring MVC raises itself (404, 405, 415...) get a type and the problem media type too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail detail) {
            if (detail.getType() == null || detail.getType().equals(URI.create("about:blank"))) {
                detail.setType(URI.create(TYPE_BASE + "http-" + status.value()));
            }
            headers = problemHeaders(headers);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    /** RFC 9457's media type, whatever the failed request negotiated. */
    private static HttpHeaders problemHeaders(HttpHeaders headers) {
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.putAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return problemHeaders;
    }

    private static String messageOf(FieldError error) {
        if (error.isBindingFailure() && error.contains(TypeMismatchException.class)) {
            return mustBe(error.unwrap(TypeMismatchException.class).getRequiredType());
        }
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static String where(JacksonException ex) {
        var location = ex.getLocation();
        return location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String path(JacksonException ex) {
        return ex.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String mustBe(Class<?> target) {
        if (target == null) {
            return "has the wrong type";
        }
        if (target.isEnum()) {
            return "must be one of " + Arrays.toString(target.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(target) || target == double.class || target == int.class
                || target == long.class) {
            return "must be a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        return "must be a valid " + target.getSimpleName();
    }
}
