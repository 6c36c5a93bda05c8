package org.cameraregistry.geo.problem;

import java.util.Map;
import org.cameraregistry.chassis.problem.ProblemDetailsHandler;
import org.cameraregistry.geo.jurisdiction.InvalidJurisdictionException;
import org.cameraregistry.geo.jurisdiction.JurisdictionNotSetException;
import org.cameraregistry.geo.search.IndexLoadingException;
import org.cameraregistry.geo.search.InvalidSearchAreaException;
import org.cameraregistry.geo.search.NoJurisdictionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** geo-search's errors as problem details, beside those every service shares. */
@RestControllerAdvice
class ProblemDetailsAdvice extends ProblemDetailsHandler {

    @ExceptionHandler(IndexLoadingException.class)
    ResponseEntity<Object> indexLoading(IndexLoadingException ex) {
        return unavailable("index-loading", "Index loading", ex.getMessage());
    }

    @ExceptionHandler(InvalidJurisdictionException.class)
    ResponseEntity<Object> invalidJurisdiction(InvalidJurisdictionException ex) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-jurisdiction", "Invalid jurisdiction", ex.getMessage(),
                new HttpHeaders(), Map.of("fault", ex.fault()));
    }

    @ExceptionHandler(InvalidSearchAreaException.class)
    ResponseEntity<Object> invalidSearchArea(InvalidSearchAreaException ex) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-search-area", "Invalid search area", ex.getMessage(),
                new HttpHeaders(), Map.of("fault", ex.fault()));
    }

    @ExceptionHandler(JurisdictionNotSetException.class)
    ResponseEntity<Object> jurisdictionNotSet(JurisdictionNotSetException ex) {
        return problem(HttpStatus.NOT_FOUND, "jurisdiction-not-set", "Jurisdiction not set", ex.getMessage());
    }

    @ExceptionHandler(NoJurisdictionException.class)
    ResponseEntity<Object> noJurisdiction(NoJurisdictionException ex) {
        return problem(HttpStatus.FORBIDDEN, "no-jurisdiction", "No jurisdiction", ex.getMessage());
    }
}
