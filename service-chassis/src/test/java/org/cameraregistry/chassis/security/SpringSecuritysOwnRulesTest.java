package org.cameraregistry.chassis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The chassis reads headers without regular expressions, and must read them exactly as Spring
 * Security does: for any header, the same token, the same refusal, the same verdict.
 */
class SpringSecuritysOwnRulesTest {

    private final DefaultBearerTokenResolver springs = new DefaultBearerTokenResolver();
    private final BearerHeaderTokens ours = new BearerHeaderTokens();

    @Property(tries = 3000)
    void aBearerTokenIsReadAsSpringSecurityReadsIt(@ForAll("authorizationHeaders") String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/search/nearest");
        request.addHeader("Authorization", authorization);

        Outcome expected = outcome(() -> springs.resolve(request));
        Outcome actual = outcome(() -> ours.resolve(request));

        assertThat(actual).as(authorization).isEqualTo(expected);
    }

    @Example
    void withoutAnAuthorizationHeaderThereIsNoToken() {
        assertThat(ours.resolve(new MockHttpServletRequest("GET", "/"))).isNull();
    }

    @Property(tries = 3000)
    void aHeaderIsJudgedAsSpringSecuritysFirewallJudgesIt(@ForAll("headerTexts") String text) {
        assertThat(HeaderCharacters.isAllowedValue(text)).as(text).isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(text));
        assertThat(HeaderCharacters.isAllowedName(text)).as(text).isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(text));
    }

    @Provide
    Arbitrary<String> authorizationHeaders() {
        Arbitrary<String> token = Arbitraries.strings().withChars("aZ09-._~+/=").withChars(" \t%\"é,").ofMaxLength(40);
        Arbitrary<String> scheme = Arbitraries.of("Bearer ", "bearer ", "BEARER ", "Bearer", "Bearer  ", "Basic ", "Bearerx ",
                "", " Bearer ");
        return Arbitraries.oneOf(
                scheme.flatMap(prefix -> token.map(rest -> prefix + rest)),
                Arbitraries.strings().ofMaxLength(20));
    }

    @Provide
    Arbitrary<String> headerTexts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ascii().ofMaxLength(30),
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(20),
                Arbitraries.strings().withChars('\t', '\n', '\u007f', '\u0085', '\u0378', '\ud83d', '\ude00', 'a', 'é', ' ')
                        .ofMaxLength(10));
    }

    private static Outcome outcome(java.util.function.Supplier<String> resolve) {
        Throwable failure = catchThrowable(resolve::get);
        if (failure == null) {
            return new Outcome(resolve.get(), null);
        }
        assertThat(failure).isInstanceOf(OAuth2AuthenticationException.class);
        return new Outcome(null, ((OAuth2AuthenticationException) failure).getError().getDescription());
    }

    /** What reading a header gave: a token (or none), or the description of the refusal. */
    private record Outcome(String token, String refusal) {
    }
}
