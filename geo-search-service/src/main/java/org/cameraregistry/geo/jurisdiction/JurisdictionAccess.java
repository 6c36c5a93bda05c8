package org.cameraregistry.geo.jurisdiction;

import org.cameraregistry.chassis.security.ApiAccess;
import org.cameraregistry.chassis.security.DepartmentAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * A department's jurisdiction is set by its own DEPT_ADMIN only, and read by its own staff only:
 * the {@code department} claim of the caller's token must name the department in the path.
 */
@Configuration(proxyBeanMethods = false)
class JurisdictionAccess {

    static final String PATH = "/api/departments/{departmentId}/jurisdiction";

    @Bean
    ApiAccess jurisdictionRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.PUT, PATH).access(DepartmentAccess.staffOf("departmentId", "DEPT_ADMIN"))
                .requestMatchers(HttpMethod.GET, PATH)
                .access(DepartmentAccess.staffOf("departmentId", "DEPT_ADMIN", "SUPERVISOR", "INVESTIGATOR"));
    }
}
