package org.cameraregistry.identity.server;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.cameraregistry.chassis.security.OperatorRequests;
import org.cameraregistry.chassis.security.TokenProblems;
import org.cameraregistry.chassis.security.DepartmentAccess;
import org.cameraregistry.chassis.security.TokenRoles;
import org.cameraregistry.identity.IdentityProperties;
import org.cameraregistry.identity.account.Accounts;
import org.cameraregistry.identity.account.Role;
import org.cameraregistry.identity.federation.DepartmentProviders;
import org.cameraregistry.identity.federation.FederatedStaff;
import org.cameraregistry.identity.onetime.LinkPurpose;
import org.cameraregistry.identity.signin.SignInThrottle;
import org.cameraregistry.identity.signin.ThrottledSignIn;
import org.cameraregistry.identity.signingkey.SigningKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three filter chains: the authorization server's endpoints (OAuth 2.1 and OpenID Connect, discovery,
 * JWKS), the account API (bearer tokens), then the sign-in page and everything else, denied unless named. A browser that must sign in
 * first is sent to the sign-in page; any other client gets 401.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /**
     * The account API, a resource server of the tokens issued here, held to the same checks as every
     * other service's: issuer, audience, expiry, signature. Stateless: a bearer token, no session.
     */
    @Bean
    @Order(2)
    SecurityFilterChain accountApi(HttpSecurity http, JwtDecoder apiTokens) throws Exception {
        TokenProblems problems = new TokenProblems();
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/accounts", "/api/accounts/verification",
                                "/api/accounts/password-reset", "/api/accounts/password-reset/confirmation").permitAll()
                        // A department's staff is kept by its own admins only.
                        .requestMatchers("/api/departments/{departmentId}/staff", "/api/departments/{departmentId}/staff/**")
                        .access(DepartmentAccess.staffOf("departmentId", Role.DEPT_ADMIN.name()))
                        // Owners erase their own accounts; staff accounts are their department admin's to disable.
                        .requestMatchers(HttpMethod.DELETE, "/api/me").hasRole(Role.OWNER.name())
                        .requestMatchers("/api/me", "/api/me/**").hasAnyRole(Role.OWNER.name(), Role.INVESTIGATOR.name(),
                                Role.SUPERVISOR.name(), Role.DEPT_ADMIN.name())
                        // Deny by default, as every service does (TokenSecurityAutoConfiguration).
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(apiTokens).jwtAuthenticationConverter(TokenRoles.converter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /** Access tokens checked as any service checks them; also what the OpenID Connect userinfo endpoint uses. */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, AuthorizationServerSettings settings, IdentityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(settings.getIssuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(properties.audience()))));
        return decoder;
    }

    @Bean
    @Order(3)
    SecurityFilterChain signIn(HttpSecurity http, DaoAuthenticationProvider accountSignIn, SignInThrottle throttle,
            DepartmentProviders departmentProviders, OAuth2UserService<OidcUserRequest, OidcUser> federatedStaff,
            @Value("${management.server.port:-1}") int managementPort, MeterRegistry meters) throws Exception {
        ThrottledSignIn throttled = new ThrottledSignIn(throttle, "/login", meters);
        // Operators' endpoints (rotating signing keys) answer only on the management port, which is
        // never public, or without one only on this host; health and metrics answer anywhere.
        RequestMatcher operators = OperatorRequests.matcher(managementPort);
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/signin/assets/**", "/accounts/verify", "/accounts/forgot-password",
                                "/accounts/reset-password", LinkPurpose.CONFIRM_ADDRESS_PAGE, "/error").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .requestMatchers(EndpointRequest.to("health", "info", "prometheus")).permitAll()
                        .requestMatchers(operators).permitAll()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(operators))
                .authenticationProvider(accountSignIn)
                .addFilterBefore(throttled, UsernamePasswordAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/login").usernameParameter("email")
                        .failureHandler(throttled.onFailure()).successHandler(throttled.onSuccess()))
                // Staff of a department with its own provider sign in there (DepartmentProviders, FederatedStaff).
                .oauth2Login(federated -> federated.loginPage("/login")
                        .clientRegistrationRepository(departmentProviders)
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(federatedStaff))
                        .failureHandler(FederatedStaff.refusedSignIn()));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Checks the password before anything else, so that an unverified or disabled account answers a
     * wrong password exactly as a missing account does.
     */
    @Bean
    DaoAuthenticationProvider accountSignIn(Accounts accounts, PasswordEncoder passwords) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(passwords);
        provider.setPreAuthenticationChecks(user -> {
        });
        provider.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("The account does not sign in");
            }
        });
        return provider;
    }

    /** Signs with the key whose time has come, among all that the JWKS publishes. */
    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(keys);
        encoder.setJwkSelector(keys::selectForSigning);
        return encoder;
    }
}
