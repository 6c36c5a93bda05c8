package org.cameraregistry.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One service of the platform.
 *
 * @param name       its name: the Maven module, the jar, {@code spring.application.name}, the log file
 * @param port       where it listens by default, and in the local stack
 * @param publicPaths the path patterns under which the gateway routes the public API to it; none
 *                   for a service that the public never calls
 */
public record PlatformService(String name, int port, List<String> publicPaths) {

    public PlatformService {
        Objects.requireNonNull(name, "name");
        publicPaths = List.copyOf(publicPaths);
    }

    /** The address it listens on by default, on this machine. */
    public String localUrl() {
        return "http://localhost:" + port;
    }
}
