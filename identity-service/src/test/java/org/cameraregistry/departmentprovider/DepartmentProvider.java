package org.cameraregistry.departmentprovider;

import java.util.List;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A police department's own OpenID Connect provider, for tests: a second Spring Authorization
 * Server in the test's JVM, on 127.0.0.1 (not localhost, so that its session cookie and
 * identity-service's stay apart, as on two hosts), where the registry is the client
 * {@value #CLIENT_ID}. Its users sign in with their address; their ID token carries it, verified.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class DepartmentProvider {

    public static final String CLIENT_ID = "camera-registry";
    public static final String CLIENT_SECRET = "department-provider-secret";
    public static final String PASSWORD = "department directory password";

    /** Starts the provider; the registry's redirect at it is {@code redirectUri}; {@code staff} sign in. */
    public static ConfigurableApplicationContext start(int port, String redirectUri, String... staff) {
        String client = "--spring.security.oauth2.authorizationserver.client.registry.";
        return new SpringApplicationBuilder(DepartmentProvider.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("staffDirectory", staffDirectory(staff)))
                // Its own settings only: not identity-service's application.yml, which shares the classpath.
                .run("--spring.config.name=department-provider", "--server.port=" + port, "--server.address=127.0.0.1",
                        "--spring.application.name=department-provider",
                        "--spring.security.oauth2.authorizationserver.issuer=http://127.0.0.1:" + port,
                        "--spring.autoconfigure.exclude=" + String.join(",", List.of(
                                "org.cameraregistry.chassis.security.TokenSecurityAutoConfiguration",
                                "org.cameraregistry.chassis.mongo.ServiceDatabaseAutoConfiguration",
                                "org.cameraregistry.chassis.openapi.ApiDocumentAutoConfiguration")),
                        "--management.endpoints.web.exposure.include=health",
                        client + "registration.client-id=" + CLIENT_ID,
                        client + "registration.client-secret={noop}" + CLIENT_SECRET,
                        client + "registration.client-authentication-methods=client_secret_basic",
                        client + "registration.authorization-grant-types=authorization_code",
                        client + "registration.redirect-uris=" + redirectUri,
                        client + "registration.scopes=openid,email",
                        client + "require-authorization-consent=false");
    }

    private static UserDetailsService staffDirectory(String... staff) {
        InMemoryUserDetailsManager directory = new InMemoryUserDetailsManager();
        for (String email : staff) {
            directory.createUser(User.withUsername(email).password("{noop}" + PASSWORD).roles("STAFF").build());
        }
        return directory;
    }

    /** The ID token names the user's address, verified, as a department's directory would. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> addressInIdTokens() {
        return context -> {
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                context.getClaims().claim("email", context.getPrincipal().getName()).claim("email_verified", true);
            }
        };
    }
}
