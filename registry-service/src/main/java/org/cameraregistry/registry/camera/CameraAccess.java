package org.cameraregistry.registry.camera;

import org.cameraregistry.chassis.security.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Only owners manage cameras, each their own ({@link CameraController}); staff find cameras through
 * geo-search, and a dispatch system declares incidents, so both are refused here.
 */
@Configuration(proxyBeanMethods = false)
class CameraAccess {

    @Bean
    ApiAccess cameraRules() {
        return requests -> requests.requestMatchers("/api/cameras", "/api/cameras/**").hasRole("OWNER");
    }
}
