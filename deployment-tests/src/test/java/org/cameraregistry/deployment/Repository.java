package org.cameraregistry.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cameraregistry.catalog.PlatformService;
import org.cameraregistry.catalog.ServiceCatalog;

/** The repository these tests check, and the version the build gives its modules. */
public final class Repository {

    private Repository() {
    }

    public static Path root() {
        return Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
    }

    public static String version() {
        String version = System.getProperty("project.version");
        if (version == null) {
            throw new IllegalStateException("project.version is not set: run the tests through Maven");
        }
        return version;
    }

    /** Every service and the gateway: what gets an image, a container and a Deployment. */
    public static List<PlatformService> deployed() {
        return Stream.concat(ServiceCatalog.services().stream(), Stream.of(ServiceCatalog.GATEWAY)).toList();
    }

    /** Where the service answers its health probes: the gateway on its management port, the others on theirs. */
    public static int managementPort(PlatformService service) {
        return service == ServiceCatalog.GATEWAY ? ServiceCatalog.GATEWAY_MANAGEMENT_PORT : service.port();
    }

    /** The runnable jar the build made of a service's module. */
    public static Path runnableJar(String module) {
        Path jar = root().resolve(module).resolve("target").resolve(module + "-" + version() + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw package)");
        }
        return jar;
    }
}
