package org.cameraregistry.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class GeoSearchPropertiesTest {

    @Test
    void eachCameraTopicIsReadByThreeConsumersUnlessSaidOtherwise() {
        assertThat(bind(Map.of()).events().consumersPerTopic()).isEqualTo(3);
        assertThat(bind(Map.of("geo-search.events.consumers-per-topic", "6")).events().consumersPerTopic()).isEqualTo(6);
    }

    @Test
    void noConsumerAtAllIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("geo-search.events.consumers-per-topic", "0")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessage("geo-search.events.consumers-per-topic must be at least 1, not 0");
    }

    private static GeoSearchProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("geo-search", GeoSearchProperties.class);
    }
}
