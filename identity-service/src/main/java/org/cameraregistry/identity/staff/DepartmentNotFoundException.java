package org.cameraregistry.identity.staff;

/** This department is not registered; an operator registers it with POST /actuator/departments. */
public class DepartmentNotFoundException extends RuntimeException {

    DepartmentNotFoundException() {
        super("This department is not registered; an operator registers it with POST /actuator/departments.");
    }
}
