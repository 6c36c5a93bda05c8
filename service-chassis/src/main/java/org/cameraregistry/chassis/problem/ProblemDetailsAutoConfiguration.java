package org.cameraregistry.chassis.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Every service answers its errors as problem details: with its own {@link ProblemDetailsHandler}
 * subclass when it has domain errors to add, with the shared one otherwise.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProblemDetailsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ProblemDetailsHandler.class)
    DefaultProblemDetailsAdvice problemDetailsAdvice() {
        return new DefaultProblemDetailsAdvice();
    }
}
