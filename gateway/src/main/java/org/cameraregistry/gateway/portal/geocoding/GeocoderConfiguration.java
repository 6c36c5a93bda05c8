package org.cameraregistry.gateway.portal.geocoding;

import io.micrometer.core.instrument.MeterRegistry;
import org.cameraregistry.gateway.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/** The geocoder {@code gateway.portal.geocoder.provider} names. */
@Configuration(proxyBeanMethods = false)
class GeocoderConfiguration {

    @Bean
    Geocoder geocoder(GatewayProperties properties, MeterRegistry meters) {
        GatewayProperties.GeocoderSettings settings = properties.portal().geocoder();
        return switch (settings.provider()) {
            case CENSUS -> new CensusGeocoder(settings, meters);
            case NONE -> address -> Mono.just(Geocoder.Lookup.not(Geocoder.Outcome.OFF));
        };
    }
}
