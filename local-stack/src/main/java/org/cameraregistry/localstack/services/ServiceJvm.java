package org.cameraregistry.localstack.services;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cameraregistry.catalog.PlatformService;
import org.cameraregistry.catalog.ServiceCatalog;

/**
 * How each service's JVM runs in the local stack (ADR 0018): small heaps and one collector thread,
 * since seven of them share a laptop, and the compilers that suit what the service does. The JVM's
 * optimising compiler makes code that runs hot several times faster (the gateway's search path
 * 3 to 5 times), but compiling with it at start makes a service take longer to be ready.
 *
 * @param optimisedServices the services given both compilers; the others get the quick one alone
 * @param optimisingOptions more options for the services given both compilers
 */
public record ServiceJvm(String name, Set<String> optimisedServices, List<String> optimisingOptions) {

    /** Every service's options, but for their compilers. */
    private static final List<String> COMMON = List.of(
            "-Xmx384m", "-Xss512k", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");
    private static final String QUICK_COMPILER_ALONE = "-XX:TieredStopAtLevel=1";
    /** Where every search and every change passes: the edge, the searches, the registrations. */
    private static final Set<String> HOT_PATHS = Set.of("gateway", "geo-search-service", "registry-service");

    /** As the stack runs: both compilers for the services on the hot paths, the quick one for those that mostly wait. */
    public static final ServiceJvm AS_SHIPPED = new ServiceJvm("both compilers on the hot paths (as shipped)", HOT_PATHS,
            List.of());

    /** As shipped, but the optimising compiler waits for ten times as many calls of a method before it compiles it. */
    public static final ServiceJvm LATER_OPTIMISATION = new ServiceJvm("both compilers on the hot paths, optimising later",
            HOT_PATHS, List.of("-XX:Tier4InvocationThreshold=50000", "-XX:Tier4MinInvocationThreshold=6000",
                    "-XX:Tier4CompileThreshold=150000", "-XX:Tier4BackEdgeThreshold=400000"));


    /** The quick compiler alone everywhere: the quickest start, as the stack ran before ADR 0018. */
    public static final ServiceJvm QUICK_COMPILER_ONLY = new ServiceJvm("quick compiler only (before ADR 0018)", Set.of(),
            List.of());

    /** Both compilers everywhere: the JVM's default. */
    public static final ServiceJvm BOTH_COMPILERS = new ServiceJvm("both compilers everywhere",
            Stream.concat(ServiceCatalog.services().stream(), Stream.of(ServiceCatalog.GATEWAY))
                    .map(PlatformService::name).collect(Collectors.toSet()), List.of());

    public ServiceJvm {
        optimisedServices = Set.copyOf(optimisedServices);
        optimisingOptions = List.copyOf(optimisingOptions);
    }

    /** The JVM options of a service's instances. */
    public List<String> optionsFor(String service) {
        return optimisedServices.contains(service) ? Stream.concat(COMMON.stream(), optimisingOptions.stream()).toList()
                : Stream.concat(COMMON.stream(), Stream.of(QUICK_COMPILER_ALONE)).toList();
    }
}
