package org.cameraregistry.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceCatalogTest {

    @Test
    void everyServiceAndTheGatewayHaveTheirOwnNameAndPort() {
        List<PlatformService> all = new ArrayList<>(ServiceCatalog.services());
        all.add(ServiceCatalog.GATEWAY);

        assertThat(all).extracting(PlatformService::name).doesNotHaveDuplicates();
        assertThat(all).extracting(PlatformService::port).doesNotHaveDuplicates()
                .doesNotContain(ServiceCatalog.GATEWAY_MANAGEMENT_PORT);
    }

    @Test
    void noPublicPathIsRoutedToTwoServicesOrTakesWhatTheGatewayServesItself() {
        List<String> paths = ServiceCatalog.services().stream().flatMap(service -> service.publicPaths().stream()).toList();

        assertThat(paths).doesNotHaveDuplicates().allSatisfy(path -> assertThat(path)
                .matches("/[a-z-]+(/.*)?")
                .doesNotStartWith("/api/docs").doesNotStartWith("/actuator").doesNotStartWith("/webjars"));
    }

    @Test
    void theRoutedServicesAreThoseWithPublicPaths() {
        assertThat(ServiceCatalog.routed()).extracting(PlatformService::name)
                .containsExactly("registry-service", "geo-search-service", "notification-service", "identity-service");
        assertThat(ServiceCatalog.named("geo-search-service")).map(PlatformService::port).contains(8082);
        assertThat(ServiceCatalog.named("nobody")).isEmpty();
    }
}
