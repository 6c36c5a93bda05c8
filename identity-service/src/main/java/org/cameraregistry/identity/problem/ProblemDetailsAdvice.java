package org.cameraregistry.identity.problem;

import org.cameraregistry.chassis.problem.ProblemDetailsHandler;
import org.cameraregistry.identity.account.AccountNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** identity-service's errors as problem details, beside those every service shares. */
@RestControllerAdvice
class ProblemDetailsAdvice extends ProblemDetailsHandler {

    @ExceptionHandler(AccountNotFoundException.class)
    ResponseEntity<Object> accountNotFound(AccountNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "account-not-found", "No such account",
                "The token names no account: it is a dispatch system's, or the account was erased.");
    }
}
