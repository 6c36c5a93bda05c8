package org.cameraregistry.chassis.problem;

/** One field or parameter at fault, and what is wrong with it. */
public record FieldProblem(String field, String message) {
}
