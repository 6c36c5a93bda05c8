package org.cameraregistry.chassis.problem;

import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The shared problem details of a service that has no errors of its own to add. */
@RestControllerAdvice
public class DefaultProblemDetailsAdvice extends ProblemDetailsHandler {
}
