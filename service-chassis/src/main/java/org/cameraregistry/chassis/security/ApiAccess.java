package org.cameraregistry.chassis.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may call which of a service's paths, declared as a bean in the feature that serves them (for
 * example {@code hasRole("OWNER")} on {@code /api/cameras/**}). A path no rule names is denied:
 * 401 without a token, 403 with one.
 */
@FunctionalInterface
public interface ApiAccess {

    void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
