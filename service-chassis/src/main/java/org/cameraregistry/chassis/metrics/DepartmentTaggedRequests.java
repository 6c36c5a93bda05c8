package org.cameraregistry.chassis.metrics;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Spring's HTTP server metrics and spans ({@code http.server.requests}), tagged also with the
 * caller's department: searches, registrations and every other call, counted per department and
 * outcome. {@code none} for a caller of no department (an owner) or no token. The department comes
 * from the token the service checked, so the tag's values are the departments there are.
 */
final class DepartmentTaggedRequests extends DefaultServerRequestObservationConvention {

    static final String DEPARTMENT = "department";
    static final String NONE = "none";

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        return super.getLowCardinalityKeyValues(context).and(KeyValue.of(DEPARTMENT, departmentOf(context.getCarrier())));
    }

    /** The department of the token this request was authenticated by, kept in the request by the token check. */
    static String departmentOf(HttpServletRequest request) {
        Object saved = request == null ? null : request.getAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME);
        if (saved instanceof SecurityContext security && security.getAuthentication() instanceof JwtAuthenticationToken token) {
            String department = token.getToken().getClaimAsString(DEPARTMENT);
            return department == null || department.isBlank() ? NONE : department;
        }
        return NONE;
    }
}
