package org.cameraregistry.geo.jurisdiction;

import java.util.Objects;
import org.cameraregistry.chassis.security.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;

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
                .requestMatchers(HttpMethod.PUT, PATH).access((authentication, request) -> new AuthorizationDecision(
                        hasRole(authentication.get(), "DEPT_ADMIN")
                                && ofDepartment(authentication.get(), request.getVariables().get("departmentId"))))
                .requestMatchers(HttpMethod.GET, PATH).access((authentication, request) -> new AuthorizationDecision(
                        (hasRole(authentication.get(), "DEPT_ADMIN") || hasRole(authentication.get(), "SUPERVISOR")
                                || hasRole(authentication.get(), "INVESTIGATOR"))
                                && ofDepartment(authentication.get(), request.getVariables().get("departmentId"))));
    }

    private static boolean hasRole(Authentication caller, String role) {
        return caller.getAuthorities().stream().anyMatch(granted -> granted.getAuthority().equals("ROLE_" + role));
    }

    private static boolean ofDepartment(Authentication caller, String departmentId) {
        return caller.getPrincipal() instanceof Jwt token && departmentId != null
                && Objects.equals(token.getClaimAsString("department"), departmentId);
    }
}
