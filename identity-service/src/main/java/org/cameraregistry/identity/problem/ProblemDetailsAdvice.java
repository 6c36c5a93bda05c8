package org.cameraregistry.identity.problem;

import org.cameraregistry.chassis.problem.ProblemDetailsHandler;
import java.util.Map;
import org.cameraregistry.identity.account.AccountNotFoundException;
import org.cameraregistry.identity.onetime.RefusedLinkException;
import org.cameraregistry.identity.password.WeakPasswordException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** identity-service's errors as problem details, beside those every service shares. */
@RestControllerAdvice
class ProblemDetailsAdvice extends ProblemDetailsHandler {

    @ExceptionHandler(WeakPasswordException.class)
    ResponseEntity<Object> weakPassword(WeakPasswordException e) {
        return problem(HttpStatus.BAD_REQUEST, "weak-password", "Password refused", e.getMessage(), new HttpHeaders(),
                Map.of("reason", e.reason()));
    }

    @ExceptionHandler(RefusedLinkException.class)
    ResponseEntity<Object> refusedLink(RefusedLinkException e) {
        return e.why() == RefusedLinkException.Why.EXPIRED
                ? problem(HttpStatus.GONE, "link-expired", "Link expired",
                        "The link has expired; ask for a new one.")
                : problem(HttpStatus.NOT_FOUND, "link-unknown", "Unknown link",
                        "The link was already used, or was never sent.");
    }

    @ExceptionHandler(AccountNotFoundException.class)
    ResponseEntity<Object> accountNotFound(AccountNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "account-not-found", "No such account",
                "The token names no account: it is a dispatch system's, or the account was erased.");
    }
}
