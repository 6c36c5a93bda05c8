package org.cameraregistry.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** The issuer's tokens, checked over HTTP as a resource server checks them. */
class TestIssuerTest {

    private static TestIssuer issuer;
    private static NimbusJwtDecoder decoder;

    @BeforeAll
    static void start() {
        issuer = TestIssuer.start();
        decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(TestIssuer.AUDIENCE))));
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void aTokenCarriesTheClaimsIdentityServiceGivesAndPassesTheChecks() {
        Jwt token = decoder.decode(issuer.token("staff-1", "INVESTIGATOR", "SUPERVISOR").ofDepartment("dallas").value());

        assertThat(token.getSubject()).isEqualTo("staff-1");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("INVESTIGATOR", "SUPERVISOR");
        assertThat(token.getClaimAsString("department")).isEqualTo("dallas");
        assertThat(token.getAudience()).containsExactly("camera-registry");
    }

    @Test
    void theTokensAServiceMustRefuseAreRefused() {
        TestIssuer.Token owner = issuer.owner();

        assertThatThrownBy(() -> decoder.decode(owner.expired().value())).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(owner.forAudience("another-api").value())).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(owner.signedByAnotherKey().value())).isInstanceOf(BadJwtException.class);
        assertThat(decoder.decode(owner.value()).getSubject()).isEqualTo(owner.subject());
    }
}
