package org.cameraregistry.geo.jurisdiction;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.cameraregistry.geo.GeoSearchProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class JurisdictionConfiguration {

    @Bean
    Jurisdictions jurisdictions(MongoDatabase serviceDatabase, GeoSearchProperties properties) {
        return new Jurisdictions(new JurisdictionStore(serviceDatabase), properties.jurisdictions().refresh(),
                Clock.systemUTC());
    }
}
