package org.cameraregistry.chassis.metrics;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.server.observation.ServerRequestObservationConvention;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Every service's request metrics tagged with the caller's department ({@link DepartmentTaggedRequests}). */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(JwtAuthenticationToken.class)
public class RequestMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ServerRequestObservationConvention.class)
    ServerRequestObservationConvention departmentTaggedRequests() {
        return new DepartmentTaggedRequests();
    }
}
