package org.cameraregistry.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void readsEachKindOfOptionAndTheDefaultsOfThoseNotGiven() {
        BenchOptions options = BenchOptions.of(new String[] {"--rate=200", "--jvms=as-shipped,quick",
                "--data-dir=bench/target/x", "--setting=gateway:--a=1", "--setting=geo-search-service:--b=2"});

        assertThat(options.integer("rate", 50)).isEqualTo(200);
        assertThat(options.integer("seconds", 60)).isEqualTo(60);
        assertThat(options.list("jvms", List.of("both"))).containsExactly("as-shipped", "quick");
        assertThat(options.path("data-dir", Path.of("elsewhere"))).isEqualTo(Path.of("bench/target/x"));
        assertThat(options.every("setting")).containsExactly("gateway:--a=1", "geo-search-service:--b=2");
        options.noOthers();
    }

    @Test
    void settingsAreGroupedByServiceInTheOrderGiven() {
        BenchOptions options = BenchOptions.of(new String[] {"--setting=gateway:--a=1",
                "--setting=geo-search-service:--b=2", "--setting=gateway:--c=3"});

        assertThat(options.serviceSettings()).isEqualTo(Map.of("gateway", List.of("--a=1", "--c=3"),
                "geo-search-service", List.of("--b=2")));
        options.noOthers();
    }

    @Test
    void aSettingWithoutItsServiceIsRefused() {
        assertThatThrownBy(() -> BenchOptions.of(new String[] {"--setting=--a=1"}).serviceSettings())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SERVICE:--PROPERTY=VALUE");
    }

    @Test
    void theLastOfAnOptionGivenTwiceCounts() {
        assertThat(BenchOptions.of(new String[] {"--rate=1", "--rate=2"}).integer("rate", 0)).isEqualTo(2);
    }

    @Test
    void aMisspeltOptionIsRefusedRatherThanTheDefaultMeasured() {
        BenchOptions options = BenchOptions.of(new String[] {"--rates=2000"});
        options.integer("rate", 200);

        assertThatThrownBy(options::noOthers).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rates");
    }

    @Test
    void anArgumentThatIsNotAnOptionIsRefused() {
        assertThatThrownBy(() -> BenchOptions.of(new String[] {"2000"})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--name=value");
    }
}
