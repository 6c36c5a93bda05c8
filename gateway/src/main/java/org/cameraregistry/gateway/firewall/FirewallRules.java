package org.cameraregistry.gateway.firewall;

import org.cameraregistry.gateway.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * Spring Security's strict firewall for every request the gateway takes, its rules on the names and
 * values of headers and parameters decided a character at a time rather than by its regular
 * expressions ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}), which cost the gateway several per
 * cent of its CPU on each bearer token's 800 characters (docs/benchmarks.md). The same rules: every
 * code point assigned in Unicode and none a control character, but for a tab in a value.
 */
@Configuration(proxyBeanMethods = false)
class FirewallRules {

    private static final Logger log = LoggerFactory.getLogger(FirewallRules.class);

    @Bean
    StrictServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(FirewallRules::isAllowedName);
        firewall.setAllowedHeaderValues(FirewallRules::isAllowedValue);
        firewall.setAllowedParameterNames(FirewallRules::isAllowedName);
        return firewall;
    }

    /**
     * A refused request is answered with problem details, as every other refusal is, rather than
     * the firewall's bare 400. What it objected to is not repeated: it may be in a header's value.
     */
    @Bean
    ServerExchangeRejectedHandler refusedWithProblemDetails() {
        return (exchange, rejected) -> {
            log.debug("refused {}: {}", exchange.getRequest().getPath(), rejected.getMessage());
            return Problems.write(exchange, HttpStatus.BAD_REQUEST, "request-refused", "Request refused",
                    "The gateway does not pass this request on: its path or one of its headers holds a sequence"
                            + " it never forwards (an encoded slash, dot segment or semicolon, or a control character).");
        };
    }

    static boolean isAllowedName(String name) {
        return name == null || name.codePoints().allMatch(FirewallRules::isAssignedNonControl);
    }

    static boolean isAllowedValue(String value) {
        return value == null || value.codePoints().allMatch(point -> point == '\t' || isAssignedNonControl(point));
    }

    private static boolean isAssignedNonControl(int point) {
        int type = Character.getType(point);
        return type != Character.UNASSIGNED && type != Character.CONTROL;
    }
}
