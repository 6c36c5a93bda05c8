package org.cameraregistry.chassis.security;

import org.springframework.beans.factory.ObjectProvider;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Every service checks the bearer token itself, as a resource server of identity-service's tokens:
 * signature (the issuer's published keys), issuer, audience and expiry, from
 * {@code spring.security.oauth2.resourceserver.jwt.*} (safe local defaults in the chassis
 * defaults). No identity header is trusted. Deny by default: health, metrics and the API document
 * are open, operators' endpoints answer as {@link OperatorRequests} says, and everything else
 * only as the service's {@link ApiAccess} rules allow. Stateless: no session, so no CSRF either.
 */
@AutoConfiguration(before = {ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(BearerTokenAuthenticationFilter.class)
public class TokenSecurityAutoConfiguration {

    /** Far more tokens than callers within five minutes, in a few megabytes. */
    private static final int REMEMBERED_TOKENS = 2_000;

    /**
     * No observation of Spring Security's own around each of its filters and decisions: they cost a
     * search more CPU than the search itself, and say nothing the request's own observation (its
     * timer, its trace) and the answer's status do not.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Every token decoder the service has (Spring Boot's, from the issuer's keys, or a service's
     * own) remembers the tokens that passed its checks until they expire ({@link RememberedTokens}).
     */
    @Bean
    static BeanPostProcessor rememberedTokens() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof RememberedTokens)
                        ? new RememberedTokens(decoder, REMEMBERED_TOKENS, Clock.systemUTC()) : bean;
            }
        };
    }

    /** Spring Security's strict firewall, its rules on headers' and parameters' names and values checked without regular expressions. */
    @Bean
    @ConditionalOnMissingBean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::isAllowedName);
        firewall.setAllowedHeaderValues(HeaderCharacters::isAllowedValue);
        firewall.setAllowedParameterNames(HeaderCharacters::isAllowedName);
        return firewall;
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain tokenChecks(HttpSecurity http, ObjectProvider<ApiAccess> access,
            @Value("${management.server.port:-1}") int managementPort) throws Exception {
        TokenProblems problems = new TokenProblems();
        http.authorizeHttpRequests(requests -> {
                    requests.requestMatchers(EndpointRequest.to("health", "info", "prometheus")).permitAll()
                            .requestMatchers(OperatorRequests.matcher(managementPort)).permitAll()
                            .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/error").permitAll();
                    access.orderedStream().forEach(rules -> rules.authorize(requests));
                    requests.anyRequest().denyAll();
                })
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(new BearerHeaderTokens())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(TokenRoles.converter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(problems);
                                return filter;
                            }
                        }))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }
}
