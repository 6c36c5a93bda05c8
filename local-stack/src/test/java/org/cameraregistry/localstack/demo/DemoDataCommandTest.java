package org.cameraregistry.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class DemoDataCommandTest {

    @Test
    void takesWhereEachPartOfThePlatformIsAndHowManyCameras() {
        assertThat(DemoDataCommand.parse(new String[] {"--gateway=http://gateway:8080", "--identity=http://localhost:8086",
                "--search=http://a:8082,http://b:8082", "--state-dir=/demo/state", "--cameras=10"}))
                .containsEntry("gateway", "http://gateway:8080")
                .containsEntry("search", "http://a:8082,http://b:8082")
                .containsEntry("cameras", "10");
    }

    @Test
    void namesWhatIsMissingOrUnknown() {
        assertThatIllegalArgumentException().isThrownBy(() -> DemoDataCommand.parse(new String[] {"--gateway=http://gateway:8080"}))
                .withMessageContaining("--identity=").withMessageContaining("--search=").withMessageContaining("--state-dir=");
        assertThatIllegalArgumentException().isThrownBy(() -> DemoDataCommand.parse(new String[] {"--gateway=g", "--identity=i",
                "--search=s", "--state-dir=d", "--camera=5"})).withMessageContaining("camera");
        assertThatIllegalArgumentException().isThrownBy(() -> DemoDataCommand.parse(new String[] {"gateway"}))
                .withMessageContaining("--name=value");
    }
}
