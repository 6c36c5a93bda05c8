package org.cameraregistry.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * An issuer for a service's tests: signs access tokens shaped as identity-service signs them
 * ({@code sub}, {@code roles}, {@code department}, {@code aud}) and publishes its key at
 * {@code /oauth2/jwks} over real HTTP, so that the service checks them exactly as it checks real
 * ones. It also makes the tokens a service must refuse: expired, for another audience, signed by a
 * key it does not publish.
 */
public final class TestIssuer implements AutoCloseable {

    /** The audience of the platform's API, which every service checks. */
    public static final String AUDIENCE = "camera-registry";

    private final HttpServer server;
    private final String issuer;
    private final NimbusJwtEncoder published;
    private final NimbusJwtEncoder unpublished;

    private TestIssuer(HttpServer server, RSAKey key, RSAKey otherKey) {
        this.server = server;
        this.issuer = "http://localhost:" + server.getAddress().getPort();
        this.published = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        this.unpublished = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(otherKey)));
    }

    private static TestIssuer shared;

    /**
     * The issuer every test of the JVM shares, started on first use, so that the Spring contexts
     * configured with it can be shared too.
     */
    public static synchronized TestIssuer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-issuer-shutdown"));
        }
        return shared;
    }

    /** Starts an issuer on a free port of the loopback address. */
    public static TestIssuer start() {
        RSAKey key = generate();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(key).toPublicJWKSet().toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
            return new TestIssuer(server, key, generate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The issuer every token names: {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}. */
    public String issuer() {
        return issuer;
    }

    /** Where its key is published: {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}. */
    public String jwkSetUri() {
        return issuer + "/oauth2/jwks";
    }

    /** These command-line settings of a service, and those it needs to check this issuer's tokens. */
    public String[] serviceArguments(String... settings) {
        List<String> arguments = new ArrayList<>(List.of(settings));
        arguments.add("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer());
        arguments.add("--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + jwkSetUri());
        return arguments.toArray(String[]::new);
    }

    /** A token for an account with these roles and, for staff, a department. */
    public Token token(String subject, String... roles) {
        return new Token(subject, List.of(roles), null, List.of(AUDIENCE), Duration.ofMinutes(5), published);
    }

    /** An owner's token: a new account id with the role OWNER. */
    public Token owner() {
        return token(UUID.randomUUID().toString(), "OWNER");
    }

    /** A member of a department's staff with this role: a new account id. */
    public Token staff(String role, String departmentId) {
        return token(UUID.randomUUID().toString(), role).ofDepartment(departmentId);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token being made; {@link #value()} signs it. */
    public final class Token {

        private final String subject;
        private final List<String> roles;
        private final String department;
        private final List<String> audience;
        private final Duration lifetime;
        private final NimbusJwtEncoder signer;

        private Token(String subject, List<String> roles, String department, List<String> audience, Duration lifetime,
                NimbusJwtEncoder signer) {
            this.subject = subject;
            this.roles = roles;
            this.department = department;
            this.audience = audience;
            this.lifetime = lifetime;
            this.signer = signer;
        }

        public String subject() {
            return subject;
        }

        public Token ofDepartment(String departmentId) {
            return new Token(subject, roles, departmentId, audience, lifetime, signer);
        }

        /** Expired two minutes ago, longer than the minute of clock skew a service allows. */
        public Token expired() {
            return new Token(subject, roles, department, audience, Duration.ofMinutes(-2), signer);
        }

        public Token forAudience(String other) {
            return new Token(subject, roles, department, List.of(other), lifetime, signer);
        }

        /** Signed by a key the issuer does not publish, as a forged token is. */
        public Token signedByAnotherKey() {
            return new Token(subject, roles, department, audience, lifetime, unpublished);
        }

        /** The signed token, for {@code Authorization: Bearer}. */
        public String value() {
            Instant now = Instant.now();
            Instant issuedAt = lifetime.isNegative() ? now.plus(lifetime).minus(Duration.ofMinutes(5)) : now;
            JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                    .issuer(issuer)
                    .subject(subject)
                    .audience(new ArrayList<>(audience))
                    .issuedAt(issuedAt)
                    .expiresAt(now.plus(lifetime))
                    .claim("roles", roles);
            if (department != null) {
                claims.claim("department", department);
            }
            JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
            return signer.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
        }

        /** The header that carries it. */
        public String[] header() {
            return new String[] {"Authorization", "Bearer " + value()};
        }
    }
}
