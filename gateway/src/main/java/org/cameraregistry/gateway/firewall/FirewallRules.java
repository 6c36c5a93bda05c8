package org.cameraregistry.gateway.firewall;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

    @Bean
    StrictServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(FirewallRules::isAllowedName);
        firewall.setAllowedHeaderValues(FirewallRules::isAllowedValue);
        firewall.setAllowedParameterNames(FirewallRules::isAllowedName);
        return firewall;
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
