package org.cameraregistry.notification.preference;

import org.cameraregistry.chassis.security.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The unsubscribe and preference pages need no sign-in: the signed token in the email's link is
 * what authorizes them, for that one address ({@link UnsubscribeTokens}), as RFC 8058 expects of a
 * one-click unsubscribe.
 */
@Configuration(proxyBeanMethods = false)
class PreferenceAccess {

    @Bean
    ApiAccess preferencePageRules() {
        return requests -> requests.requestMatchers("/notifications/unsubscribe", "/notifications/preferences",
                "/notifications/assets/**").permitAll();
    }
}
