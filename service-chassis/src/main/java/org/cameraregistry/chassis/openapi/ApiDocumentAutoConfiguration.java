package org.cameraregistry.chassis.openapi;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** Every service's OpenAPI document carries the problems the chassis answers (see {@link ProblemResponses}). */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
public class ApiDocumentAutoConfiguration {

    @Bean
    ProblemResponses problemResponses(@Value("${spring.application.name}") String service) {
        return new ProblemResponses(service);
    }
}
