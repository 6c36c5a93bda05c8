package org.cameraregistry.localstack.services;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One instance of a service to run: its runnable jar and the Spring properties it is started with,
 * as a container would receive them.
 *
 * @param name           the service's name in the catalog
 * @param instance       which instance, from 1
 * @param port           where it takes requests
 * @param managementPort where it answers health and metrics (the same port, except the gateway's)
 * @param jvmOptions     how its JVM runs ({@link ServiceJvm})
 * @param arguments      Spring properties, as {@code --name=value}
 * @param environment    more Spring properties as environment variables: secrets, which a command
 *                       line would show to every user of the machine
 */
public record ServiceSpec(String name, int instance, Path jar, int port, int managementPort, List<String> jvmOptions,
        List<String> arguments, Map<String, String> environment, Path logFile) {

    public ServiceSpec {
        jvmOptions = List.copyOf(jvmOptions);
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
    }

    /** The name alone for a first instance, with its number for the others, as the console shows it. */
    public String label() {
        return instance == 1 ? name : name + "-" + instance;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }
}
