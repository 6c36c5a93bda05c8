package org.cameraregistry.chassis.input;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/** Query parameters and path variables are read as strictly as JSON bodies (see {@link StrictNumbers}). */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class StrictInputAutoConfiguration {

    @Bean
    StrictNumbersInRequests strictNumbersInRequests() {
        return new StrictNumbersInRequests();
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
