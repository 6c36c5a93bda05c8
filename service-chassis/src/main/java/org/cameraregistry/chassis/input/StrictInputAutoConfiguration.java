package org.cameraregistry.chassis.input;

import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Query parameters and path variables are read as strictly as JSON bodies (see {@link StrictNumbers}),
 * and a record of query parameters is bound without re-reading its shape on every request
 * ({@link QueryRecordArgumentResolver}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class StrictInputAutoConfiguration {

    @Bean
    StrictNumbersInRequests strictNumbersInRequests() {
        return new StrictNumbersInRequests();
    }

    @Bean
    @ConditionalOnClass(name = "org.springdoc.core.annotations.ParameterObject")
    WebMvcConfigurer queryRecords() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new QueryRecordArgumentResolver());
            }
        };
    }

    /** Applies to every controller's binders: request parameters, path variables, query objects. */
    @ControllerAdvice
    static class StrictNumbersInRequests {

        @InitBinder
        void readNumbersStrictly(WebDataBinder binder) {
            StrictNumbers.register(binder);
        }
    }
}
