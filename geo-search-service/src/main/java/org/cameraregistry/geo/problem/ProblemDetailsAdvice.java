package org.cameraregistry.geo.problem;

import org.cameraregistry.chassis.problem.ProblemDetailsHandler;
import org.cameraregistry.geo.search.IndexLoadingException;
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
}
