package org.cameraregistry.chassis.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * What a token lets its holder do: each of its {@code roles} as {@code ROLE_<role>} (so
 * {@code hasRole("OWNER")} reads as the platform speaks), and each scope as {@code SCOPE_<scope>}.
 * The principal's name is the token's {@code sub}: an account's id, or a dispatch system's client id.
 * Roles belong to accounts only: a token whose subject is not an account's id (a UUID) gets none,
 * so a service may read the subject of any role-holding caller as its account id.
 */
public final class TokenRoles {

    private TokenRoles() {
    }

    public static JwtAuthenticationConverter converter() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
        Converter<Jwt, Collection<GrantedAuthority>> both = jwt -> {
            List<GrantedAuthority> authorities = new ArrayList<>();
            if (isAccount(jwt.getSubject())) {
                authorities.addAll(roles.convert(jwt));
            }
            authorities.addAll(scopes.convert(jwt));
            return authorities;
        };
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(both);
        return converter;
    }

    private static boolean isAccount(String subject) {
        try {
            return subject != null && UUID.fromString(subject).toString().equals(subject);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
