package org.cameraregistry.chassis.instance;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Every service knows its instance's name ({@link ServiceProperties}). */
@AutoConfiguration
@EnableConfigurationProperties(ServiceProperties.class)
public class ServiceInstanceAutoConfiguration {
}
