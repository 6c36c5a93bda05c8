package org.cameraregistry.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackOptionsTest {

    @Test
    void withoutOptionsEverythingIsAtTheReadmesPortsWithOneInstanceEach() {
        StackOptions options = StackOptions.parse(new String[0]);

        assertThat(options.dataDirectory()).isEqualTo(Path.of("data"));
        assertThat(options.demoCameras()).isEqualTo(2400);
        assertThat(options.ports().gateway()).isEqualTo(8080);
        assertThat(options.ports().gatewayManagement()).isEqualTo(8090);
        assertThat(options.ports().instances()).containsEntry("registry-service", List.of(8081))
                .containsEntry("geo-search-service", List.of(8082)).containsEntry("identity-service", List.of(8086));
        assertThat(List.of(options.ports().kafka(), options.ports().mongo())).containsExactly(9092, 27017);
    }

    @Test
    void moreInstancesOfAServiceListenAHundredApart() {
        StackOptions options = StackOptions.parse(new String[] {"--instances=geo-search-service=3,registry-service=2"});

        assertThat(options.ports().instances()).containsEntry("geo-search-service", List.of(8082, 8182, 8282))
                .containsEntry("registry-service", List.of(8081, 8181))
                .containsEntry("access-control-service", List.of(8083));
    }

    @Test
    void tracesGoToACollectorOnlyWhenOneIsNamed() {
        assertThat(StackOptions.parse(new String[0]).settings()).as("quiet by default").isEmpty();

        StackOptions traced = StackOptions.parse(new String[] {"--traces-to=http://localhost:4318/v1/traces"});
        assertThat(traced.settings()).hasSize(7).allSatisfy((service, settings) -> assertThat(settings).containsExactly(
                "--management.opentelemetry.tracing.export.otlp.endpoint=http://localhost:4318/v1/traces",
                "--management.tracing.sampling.probability=1.0"));
        assertThat(traced.settings()).containsKeys("gateway", "registry-service", "identity-service");
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"--traces-to=localhost:4318"}))
                .hasMessageContaining("OTLP/HTTP address");
    }

    @Test
    void aMistakeIsNamedWithTheOptionsThereAre() {
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"--instances=nobody=2"}))
                .hasMessageContaining("registry-service");
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"--instances=geo-search-service=0"}))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"--demo-cameras=many"}))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"--colour"}))
                .hasMessageContaining("Unknown option --colour").hasMessageContaining("--data-dir=PATH");
    }

    @Test
    void freePortsAreAllDifferent() {
        StackPorts ports = StackPorts.free(Map.of("geo-search-service", 2));

        List<Integer> all = new ArrayList<>(ports.instances().values().stream().flatMap(List::stream).toList());
        all.addAll(List.of(ports.gatewayManagement(), ports.kafka(), ports.kafkaController(), ports.mongo()));
        assertThat(all).as("a gateway, 7 service instances, 4 more").hasSize(12).doesNotHaveDuplicates();
    }
}
