package org.cameraregistry.registry.problem;

import java.util.List;
import java.util.Map;
import org.cameraregistry.chassis.problem.FieldProblem;
import org.cameraregistry.chassis.problem.ProblemDetailsHandler;
import org.cameraregistry.registry.camera.CameraNotFoundException;
import org.cameraregistry.registry.camera.CameraVersionMismatchException;
import org.cameraregistry.registry.camera.IdempotencyKeyReusedException;
import org.cameraregistry.registry.camera.OutboxFullException;
import org.cameraregistry.registry.camera.OwnerErasedException;
import org.cameraregistry.registry.idempotency.IdempotencyKey;
import org.cameraregistry.registry.importing.ImportNotFoundException;
import org.cameraregistry.registry.importing.ImportsBusyException;
import org.cameraregistry.registry.importing.InvalidImportFileException;
import org.cameraregistry.registry.pairing.NotLevelTwoException;
import org.cameraregistry.registry.pairing.UnknownPairingCodeException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The registry's errors as problem details, beside those every service shares. */
@RestControllerAdvice
class ProblemDetailsAdvice extends ProblemDetailsHandler {

    @ExceptionHandler(CameraNotFoundException.class)
    ResponseEntity<Object> cameraNotFound(CameraNotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "camera-not-found", "Camera not found", ex.getMessage());
    }

    @ExceptionHandler(OwnerErasedException.class)
    ResponseEntity<Object> ownerErased(OwnerErasedException ex) {
        return problem(HttpStatus.FORBIDDEN, "account-erased", "Account erased", ex.getMessage());
    }

    @ExceptionHandler(OutboxFullException.class)
    ResponseEntity<Object> outboxFull(OutboxFullException ex) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "30");
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "changes-waiting", "Changes waiting", ex.getMessage(), headers,
                Map.of());
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<Object> idempotencyKeyReused(IdempotencyKeyReusedException ex) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused",
                ex.getMessage());
    }

    @ExceptionHandler(IdempotencyKey.InvalidIdempotencyKeyException.class)
    ResponseEntity<Object> invalidIdempotencyKey(IdempotencyKey.InvalidIdempotencyKeyException ex) {
        return invalid(List.of(new FieldProblem(IdempotencyKey.HEADER, ex.getMessage())), new HttpHeaders());
    }

    @ExceptionHandler(InvalidImportFileException.class)
    ResponseEntity<Object> invalidImportFile(InvalidImportFileException ex) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-import-file", "Invalid import file", ex.getMessage());
    }

    @ExceptionHandler(ImportsBusyException.class)
    ResponseEntity<Object> importsBusy(ImportsBusyException ex) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "60");
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "imports-busy", "Imports busy", ex.getMessage(), headers, Map.of());
    }

    @ExceptionHandler(ImportNotFoundException.class)
    ResponseEntity<Object> importNotFound(ImportNotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "import-not-found", "Import not found", ex.getMessage());
    }

    @ExceptionHandler(NotLevelTwoException.class)
    ResponseEntity<Object> notLevelTwo(NotLevelTwoException ex) {
        return problem(HttpStatus.CONFLICT, "not-level-2", "Not a Level 2 camera", ex.getMessage());
    }

    @ExceptionHandler(UnknownPairingCodeException.class)
    ResponseEntity<Object> unknownPairingCode(UnknownPairingCodeException ex) {
        return problem(HttpStatus.NOT_FOUND, "pairing-code-unknown", "Pairing code unknown", ex.getMessage());
    }

    @ExceptionHandler(CameraVersionMismatchException.class)
    ResponseEntity<Object> versionMismatch(CameraVersionMismatchException ex) {
        return ex.isPrecondition()
                ? problem(HttpStatus.PRECONDITION_FAILED, "version-mismatch", "Camera changed meanwhile", ex.getMessage())
                : problem(HttpStatus.CONFLICT, "concurrent-change", "Camera changed meanwhile", ex.getMessage());
    }
}
