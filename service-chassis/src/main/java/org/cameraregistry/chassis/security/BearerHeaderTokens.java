package org.cameraregistry.chassis.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * The bearer token of a request's {@code Authorization} header, and nowhere else (no query or form
 * parameter), read as Spring Security's {@code DefaultBearerTokenResolver} reads it: {@code Bearer},
 * one space, then RFC 6750's token characters and any trailing {@code =}; a header that starts
 * with "bearer" but is not that is a malformed token. It checks the characters one by one instead
 * of with a case-insensitive regular expression, which cost a search several per cent of its CPU
 * on a token of 800 characters (docs/benchmarks.md).
 */
final class BearerHeaderTokens implements BearerTokenResolver {

    private static final String BEARER = "Bearer ";

    @Override
    public String resolve(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "bearer", 0, "bearer".length())) {
            return null;
        }
        if (!isBearerCredentials(authorization)) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return authorization.substring(BEARER.length());
    }

    static boolean isBearerCredentials(String authorization) {
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        int at = BEARER.length();
        while (at < authorization.length() && isTokenCharacter(authorization.charAt(at))) {
            at++;
        }
        if (at == BEARER.length()) {
            return false;
        }
        while (at < authorization.length() && authorization.charAt(at) == '=') {
            at++;
        }
        return at == authorization.length();
    }

    private static boolean isTokenCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
