package org.cameraregistry.chassis.security;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * A rule for paths that name a department, such as {@code /api/departments/{departmentId}/staff}:
 * only its own staff, in one of the roles given, may call them. The {@code department} claim of the
 * caller's token must name the department in the path; an account of another department, an owner
 * or a dispatch system is refused (403), an anonymous caller asked to sign in (401).
 */
public final class DepartmentAccess {

    private DepartmentAccess() {
    }

    /** @param pathVariable the path variable that holds the department's id, as the matcher's pattern names it */
    public static AuthorizationManager<RequestAuthorizationContext> staffOf(String pathVariable, String... roles) {
        Set<String> granted = Stream.of(roles).map(role -> "ROLE_" + role).collect(Collectors.toSet());
        return (authentication, request) -> {
            Authentication caller = authentication.get();
            boolean inRole = caller != null && caller.getAuthorities().stream()
                    .anyMatch(authority -> granted.contains(authority.getAuthority()));
            String department = request.getVariables().get(pathVariable);
            boolean ofDepartment = caller != null && caller.getPrincipal() instanceof Jwt token && department != null
                    && Objects.equals(token.getClaimAsString("department"), department);
            return new AuthorizationDecision(inRole && ofDepartment);
        };
    }
}
