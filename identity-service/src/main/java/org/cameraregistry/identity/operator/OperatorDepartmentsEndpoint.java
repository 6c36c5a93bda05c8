package org.cameraregistry.identity.operator;

import org.cameraregistry.identity.department.Department;
import org.cameraregistry.identity.department.DepartmentStore;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code POST /actuator/departments}, an operator's endpoint (management port, or this host only):
 * registers a department that joins the registry, before its first DEPT_ADMIN is opened with
 * {@code /actuator/accounts}. One registered already is left as it is, so a setup script may run again.
 */
@Component
@Endpoint(id = "departments")
public class OperatorDepartmentsEndpoint {

    private final DepartmentStore departments;

    OperatorDepartmentsEndpoint(DepartmentStore departments) {
        this.departments = departments;
    }

    /**
     * @param id   lower-case letters, digits and hyphens, such as {@code dallas}
     * @param name such as "Dallas Police Department"
     */
    @WriteOperation
    public RegisteredDepartment register(String id, String name) {
        if (!Department.isValidId(id)) {
            throw refused("id must be 1 to 63 lower-case letters, digits and hyphens, starting with a letter or digit");
        }
        if (name == null || name.isBlank() || name.strip().length() > 120) {
            throw refused("name must be 1 to 120 characters");
        }
        boolean registered = departments.create(new Department(id, name.strip()));
        return new RegisteredDepartment(departments.find(id).orElseThrow(), registered);
    }

    private static InvalidEndpointRequestException refused(String reason) {
        return new InvalidEndpointRequestException(reason, reason);
    }

    /** @param registered whether this call registered it (false: it was registered already) */
    public record RegisteredDepartment(Department department, boolean registered) {
    }
}
