package org.cameraregistry.gateway.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/** The gateway's firewall judges every header as Spring Security's own rules do. */
class FirewallRulesTest {

    @Property(tries = 3000)
    void aHeaderIsJudgedAsSpringSecuritysFirewallJudgesIt(@ForAll("headerTexts") String text) {
        assertThat(FirewallRules.isAllowedValue(text)).as(text)
                .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(text));
        assertThat(FirewallRules.isAllowedName(text)).as(text)
                .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(text));
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
}
