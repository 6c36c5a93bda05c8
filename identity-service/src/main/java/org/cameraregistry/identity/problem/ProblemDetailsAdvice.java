package org.cameraregistry.identity.problem;

import java.util.List;
import java.util.Map;
import org.cameraregistry.chassis.problem.FieldProblem;
import org.cameraregistry.chassis.problem.ProblemDetailsHandler;
import org.cameraregistry.identity.account.AccountNotFoundException;
import org.cameraregistry.identity.password.PasswordNotConfirmedException;
import org.cameraregistry.identity.email.SameAddressException;
import org.cameraregistry.identity.password.TooManyAttemptsException;
import org.cameraregistry.identity.onetime.RefusedLinkException;
import org.cameraregistry.identity.password.WeakPasswordException;
import org.cameraregistry.identity.staff.AddressTakenException;
import org.cameraregistry.identity.staff.DepartmentNotFoundException;
import org.cameraregistry.identity.staff.DisablingYourselfException;
import org.cameraregistry.identity.staff.InvalidStaffRoleException;
import org.cameraregistry.identity.staff.StaffMemberNotFoundException;
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

    @ExceptionHandler(DepartmentNotFoundException.class)
    ResponseEntity<Object> departmentNotFound(DepartmentNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "department-not-found", "No such department", e.getMessage());
    }

    @ExceptionHandler(StaffMemberNotFoundException.class)
    ResponseEntity<Object> staffMemberNotFound(StaffMemberNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "staff-member-not-found", "No such member of staff", e.getMessage());
    }

    @ExceptionHandler(AddressTakenException.class)
    ResponseEntity<Object> addressTaken(AddressTakenException e) {
        return problem(HttpStatus.CONFLICT, "address-taken", "Address taken", e.getMessage());
    }

    @ExceptionHandler(DisablingYourselfException.class)
    ResponseEntity<Object> disablingYourself(DisablingYourselfException e) {
        return problem(HttpStatus.CONFLICT, "disabling-yourself", "Cannot disable yourself", e.getMessage());
    }

    @ExceptionHandler(InvalidStaffRoleException.class)
    ResponseEntity<Object> invalidStaffRole(InvalidStaffRoleException e) {
        return invalid(List.of(new FieldProblem("role", e.getMessage())), new HttpHeaders());
    }

    @ExceptionHandler(PasswordNotConfirmedException.class)
    ResponseEntity<Object> passwordNotConfirmed(PasswordNotConfirmedException e) {
        return problem(HttpStatus.FORBIDDEN, "password-not-confirmed", "Password not confirmed", e.getMessage());
    }

    @ExceptionHandler(TooManyAttemptsException.class)
    ResponseEntity<Object> tooManyAttempts(TooManyAttemptsException e) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        return problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", "Too many attempts", e.getMessage(), headers,
                Map.of());
    }

    @ExceptionHandler(SameAddressException.class)
    ResponseEntity<Object> sameAddress(SameAddressException e) {
        return problem(HttpStatus.BAD_REQUEST, "same-address", "Same address", e.getMessage());
    }

    @ExceptionHandler(AccountNotFoundException.class)
    ResponseEntity<Object> accountNotFound(AccountNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "account-not-found", "No such account",
                "The token names no account: it is a dispatch system's, or the account was erased.");
    }
}
