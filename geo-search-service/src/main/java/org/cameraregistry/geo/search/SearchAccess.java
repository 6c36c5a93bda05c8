package org.cameraregistry.geo.search;

import org.cameraregistry.chassis.security.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Only a department's investigators and supervisors search the registry; owners and dispatch systems cannot. */
@Configuration(proxyBeanMethods = false)
class SearchAccess {

    @Bean
    ApiAccess searchRules() {
        return requests -> requests.requestMatchers("/api/search/**").hasAnyRole("INVESTIGATOR", "SUPERVISOR");
    }
}
