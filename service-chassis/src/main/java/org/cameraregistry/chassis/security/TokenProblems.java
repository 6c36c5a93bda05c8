package org.cameraregistry.chassis.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cameraregistry.chassis.problem.ProblemDetailsHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * A refused request as problem details, with the {@code WWW-Authenticate} header of RFC 6750: no
 * token is 401 {@code unauthenticated}; an expired, tampered or foreign token is 401
 * {@code invalid-token}; a valid token without the role is 403 {@code forbidden}. Never says more
 * about why a token was refused than "invalid": that is for the service's log. A token that could
 * not be checked at all, because the issuer's keys could not be fetched, is 503
 * {@code token-check-unavailable}: the caller's token may be fine, so it should retry, not sign in.
 */
public final class TokenProblems implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

    private static final JsonMapper JSON = new JsonMapper();
    private static final Logger LOG = LoggerFactory.getLogger(TokenProblems.class);

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler denial = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        challenge.commence(request, response, failure);
        boolean tokenRefused = failure instanceof InvalidBearerTokenException
                || response.getHeader("WWW-Authenticate") != null && response.getHeader("WWW-Authenticate").contains("invalid_token");
        if (tokenRefused) {
            write(request, response, HttpStatus.UNAUTHORIZED, "invalid-token", "Invalid token",
                    "The bearer token is expired, malformed, not signed by the platform's issuer or not meant for this API;"
                            + " sign in again for a new one.");
        } else {
            write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign-in required",
                    "This request needs a bearer token: sign in and send it as 'Authorization: Bearer <token>'.");
        }
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException failure) throws IOException {
        if (failure instanceof AuthenticationServiceException) {
            LOG.warn("Could not check a bearer token: {}", failure.getMessage());
            response.setHeader("Retry-After", "5");
            write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "token-check-unavailable", "Token check unavailable",
                    "The service could not fetch the keys that check tokens; try again in a few seconds.");
        } else {
            commence(request, response, failure);
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        denial.handle(request, response, denied);
        write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your account's role does not allow this request.");
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
            String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemDetailsHandler.TYPE_BASE + type);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("Cache-Control", "no-store");
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
