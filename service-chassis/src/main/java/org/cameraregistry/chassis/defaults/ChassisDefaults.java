package org.cameraregistry.chassis.defaults;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The settings every service shares ({@value #FILE}: probes, exposed endpoints, metric tags,
 * strict JSON), added behind everything else, so that a service's own {@code application.yml},
 * its command line and its environment can still override each of them.
 */
public class ChassisDefaults implements EnvironmentPostProcessor {

    static final String FILE = "chassis-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (PropertySource<?> defaults : new YamlPropertySourceLoader().load("chassis defaults",
                    new ClassPathResource(FILE))) {
                environment.getPropertySources().addLast(defaults);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + FILE, e);
        }
    }
}
