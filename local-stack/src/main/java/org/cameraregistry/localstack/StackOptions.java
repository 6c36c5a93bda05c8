package org.cameraregistry.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cameraregistry.catalog.ServiceCatalog;
import org.cameraregistry.localstack.services.ServiceJvm;

/**
 * How to run the stack.
 *
 * @param dataDirectory     where the data, the broker's log and the services' logs are kept
 * @param servicesDirectory where the services' runnable jars are
 * @param ports             where everything listens
 * @param demoCameras       how many demo cameras a first start registers
 * @param settings          more Spring properties for a service's instances, by service name (for
 *                          benchmarks that compare settings), as {@code --name=value}
 * @param serviceJvm        how each service's JVM runs ({@link ServiceJvm#AS_SHIPPED} unless a
 *                          benchmark compares another choice)
 */
public record StackOptions(Path dataDirectory, Path servicesDirectory, StackPorts ports, int demoCameras,
        Map<String, List<String>> settings, ServiceJvm serviceJvm) {

    public StackOptions {
        settings = Map.copyOf(settings);
    }

    public StackOptions(Path dataDirectory, Path servicesDirectory, StackPorts ports, int demoCameras,
            Map<String, List<String>> settings) {
        this(dataDirectory, servicesDirectory, ports, demoCameras, settings, ServiceJvm.AS_SHIPPED);
    }

    public StackOptions(Path dataDirectory, Path servicesDirectory, StackPorts ports, int demoCameras) {
        this(dataDirectory, servicesDirectory, ports, demoCameras, Map.of());
    }

    static final String USAGE = """
            Options:
              --data-dir=PATH            where the data and logs are kept (default ./data; survives restarts)
              --reset                    start with a fresh city (deletes the data folder first)
              --demo-cameras=N           demo cameras registered on a first start (default 2400)
              --instances=NAME=N[,...]   run N instances of a service (default 1 each), such as
                                         --instances=geo-search-service=2,registry-service=2
              --traces-to=URL            send every trace to an OpenTelemetry collector's OTLP/HTTP endpoint,
                                         such as http://localhost:4318/v1/traces (default: none is sent)""";

    /** The options of the command line, as {@link #USAGE} describes them. */
    static StackOptions parse(String[] args) {
        Path data = Path.of("data");
        int demoCameras = 2400;
        boolean reset = false;
        Map<String, Integer> instances = new LinkedHashMap<>();
        Map<String, List<String>> settings = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--data-dir=")) {
                data = Path.of(value(arg));
            } else if (arg.startsWith("--demo-cameras=")) {
                demoCameras = number(arg, 0);
            } else if (arg.startsWith("--instances=")) {
                instances.putAll(instances(value(arg)));
            } else if (arg.equals("--reset")) {
                reset = true;
            } else if (arg.startsWith("--traces-to=")) {
                settings.putAll(tracesTo(value(arg)));
            } else {
                throw new IllegalArgumentException("Unknown option " + arg + ".\n" + USAGE);
            }
        }
        if (reset) {
            deleteRecursively(data);
        }
        return new StackOptions(data, defaultServicesDirectory(), StackPorts.defaults(instances), demoCameras, settings);
    }

    /** Every trace of every service and the gateway, exported to the collector at {@code endpoint}. */
    private static Map<String, List<String>> tracesTo(String endpoint) {
        if (!endpoint.startsWith("http://") && !endpoint.startsWith("https://")) {
            throw new IllegalArgumentException("--traces-to takes the collector's OTLP/HTTP address, such as"
                    + " http://localhost:4318/v1/traces, not " + endpoint + ".\n" + USAGE);
        }
        List<String> exported = List.of("--management.opentelemetry.tracing.export.otlp.endpoint=" + endpoint,
                "--management.tracing.sampling.probability=1.0");
        Map<String, List<String>> settings = new LinkedHashMap<>();
        Stream.concat(ServiceCatalog.services().stream(), Stream.of(ServiceCatalog.GATEWAY))
                .forEach(service -> settings.put(service.name(), exported));
        return settings;
    }

    private static Map<String, Integer> instances(String list) {
        Map<String, Integer> instances = new LinkedHashMap<>();
        for (String item : list.split(",")) {
            String[] nameAndCount = item.split("=", 2);
            if (nameAndCount.length != 2 || ServiceCatalog.named(nameAndCount[0]).isEmpty()) {
                throw new IllegalArgumentException("--instances takes NAME=N pairs of the services "
                        + ServiceCatalog.services().stream().map(service -> service.name()).toList() + ", not " + item);
            }
            instances.put(nameAndCount[0], number("--instances=" + nameAndCount[1], 1));
        }
        return instances;
    }

    private static String value(String arg) {
        return arg.substring(arg.indexOf('=') + 1);
    }

    private static int number(String arg, int least) {
        try {
            int number = Integer.parseInt(value(arg));
            if (number >= least) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new IllegalArgumentException(arg + ": a whole number of at least " + least + " is needed");
    }

    /** The services' jars sit beside this one, in services/; a build may point elsewhere. */
    private static Path defaultServicesDirectory() {
        String configured = System.getProperty("local-stack.services-dir");
        if (configured != null) {
            return Path.of(configured);
        }
        try {
            Path jar = Path.of(StackOptions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().resolve("services");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + directory, e);
        }
    }
}
