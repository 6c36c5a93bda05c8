package org.cameraregistry.registry.problem;

import com.mongodb.MongoException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cameraregistry.registry.camera.CameraNotFoundException;
import org.cameraregistry.registry.camera.CameraVersionMismatchException;
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
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error as RFC 9457 problem details, with a stable {@code type} per kind of error and, for
 * bad input, the fields at fault in {@code errors}. Never a stack trace; a 500 only for our bugs.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    static final String TYPE_BASE = "https://cameraregistry.org/problems/";

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), messageOf(error)))
                .sorted((a, b) -> a.field().compareTo(b.field()))
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
            return invalid(List.of(new FieldProblem(path(mismatch), expectation(mismatch))), headers);
        }
        if (cause instanceof StreamReadException malformed) {
            return problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                    "The body is not valid JSON: " + malformed.getOriginalMessage(), headers, Map.of());
        }
        return problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                "The request needs a JSON body.", headers, Map.of());
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "a valid value" : "a valid " + ex.getRequiredType().getSimpleName();
        return invalid(List.of(new FieldProblem(field, "must be " + expected)), headers);
    }

    @ExceptionHandler(CameraNotFoundException.class)
    ResponseEntity<Object> cameraNotFound(CameraNotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "camera-not-found", "Camera not found", ex.getMessage(),
                new HttpHeaders(), Map.of());
    }

    @ExceptionHandler(CameraVersionMismatchException.class)
    ResponseEntity<Object> versionMismatch(CameraVersionMismatchException ex) {
        return ex.isPrecondition()
                ? problem(HttpStatus.PRECONDITION_FAILED, "version-mismatch", "Camera changed meanwhile",
                        ex.getMessage(), new HttpHeaders(), Map.of())
                : problem(HttpStatus.CONFLICT, "concurrent-change", "Camera changed meanwhile", ex.getMessage(),
                        new HttpHeaders(), Map.of());
    }

    /** The database is unreachable: the client may retry, nothing was half-written. */
    @ExceptionHandler(MongoException.class)
    ResponseEntity<Object> storageUnavailable(MongoException ex) {
        log.warn("storage unavailable: {}", ex.toString());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable", "Storage unavailable",
                "The registry cannot reach its database right now; nothing was changed. Retry shortly.", headers,
                Map.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        log.error("unexpected error", ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "Something went wrong on our side; it has been logged.", new HttpHeaders(), Map.of());
    }

    /** Problems that Spring MVC itself raises (405, 406, 415, 404 for unknown paths...) get a type too. */
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

    private ResponseEntity<Object> invalid(List<FieldProblem> errors, HttpHeaders headers) {
        String detail = errors.stream()
                .map(error -> error.field() + " " + error.message())
                .collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail, headers,
                Map.of("errors", errors));
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String type, String title, String detail,
            HttpHeaders headers, Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return ResponseEntity.status(status).headers(problemHeaders(headers)).body(problem);
    }

    /** RFC 9457's media type whatever the failed request negotiated. */
    private static HttpHeaders problemHeaders(HttpHeaders headers) {
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.putAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return problemHeaders;
    }

    private static String messageOf(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static String path(JacksonException ex) {
        return ex.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String expectation(MismatchedInputException ex) {
        Class<?> target = ex.getTargetType();
        if (target == null) {
            return "has the wrong type";
        }
        if (target.isEnum()) {
            return "must be one of " + Arrays.toString(target.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(target) || target == double.class || target == int.class) {
            return "must be a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        return "must be a " + target.getSimpleName();
    }

    /** One field at fault and what is wrong with it. */
    record FieldProblem(String field, String message) {
    }
}
