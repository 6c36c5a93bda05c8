package org.cameraregistry.localstack.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cameraregistry.catalog.PlatformService;
import org.cameraregistry.catalog.ServiceCatalog;
import org.junit.jupiter.api.Test;

class ServiceJvmTest {

    private static final String QUICK_COMPILER_ALONE = "-XX:TieredStopAtLevel=1";

    private static Set<String> everyService() {
        return Stream.concat(ServiceCatalog.services().stream(), Stream.of(ServiceCatalog.GATEWAY))
                .map(PlatformService::name).collect(Collectors.toSet());
    }

    @Test
    void asShippedTheHotPathsGetBothCompilersAndTheOthersTheQuickOneAlone() {
        Set<String> hot = Set.of("gateway", "geo-search-service", "registry-service");
        assertThat(everyService()).containsAll(hot);
        for (String service : everyService()) {
            if (hot.contains(service)) {
                assertThat(ServiceJvm.AS_SHIPPED.optionsFor(service)).as(service).doesNotContain(QUICK_COMPILER_ALONE);
            } else {
                assertThat(ServiceJvm.AS_SHIPPED.optionsFor(service)).as(service).contains(QUICK_COMPILER_ALONE);
            }
        }
    }

    @Test
    void everyChoiceNamesOnlyServicesThatExist() {
        for (ServiceJvm choice : new ServiceJvm[] {ServiceJvm.AS_SHIPPED, ServiceJvm.LATER_OPTIMISATION,
                ServiceJvm.QUICK_COMPILER_ONLY, ServiceJvm.BOTH_COMPILERS}) {
            assertThat(everyService()).as(choice.name()).containsAll(choice.optimisedServices());
        }
    }

    @Test
    void everyServiceKeepsItsSmallHeapAndSerialCollectorWhateverItsCompilers() {
        for (String service : everyService()) {
            for (ServiceJvm choice : new ServiceJvm[] {ServiceJvm.AS_SHIPPED, ServiceJvm.QUICK_COMPILER_ONLY,
                    ServiceJvm.BOTH_COMPILERS}) {
                assertThat(choice.optionsFor(service)).as(service).contains("-Xmx384m", "-XX:+UseSerialGC");
            }
        }
        assertThat(ServiceJvm.BOTH_COMPILERS.optionsFor("notification-service")).doesNotContain(QUICK_COMPILER_ALONE);
        assertThat(ServiceJvm.QUICK_COMPILER_ONLY.optionsFor("gateway")).contains(QUICK_COMPILER_ALONE);
    }
}
