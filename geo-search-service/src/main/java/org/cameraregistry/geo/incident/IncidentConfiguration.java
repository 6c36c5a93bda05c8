package org.cameraregistry.geo.incident;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.cameraregistry.chassis.mongo.MongoStartup;
import org.cameraregistry.events.EventCodec;
import org.cameraregistry.geo.GeoSearchProperties;
import org.cameraregistry.geo.camera.CameraIndexLoaded;
import org.cameraregistry.geo.camera.CameraStore;
import org.cameraregistry.geo.index.CameraIndex;
import org.cameraregistry.geo.jurisdiction.Jurisdictions;
import org.cameraregistry.outbox.Outbox;
import org.cameraregistry.outbox.OutboxRelay;
import org.cameraregistry.outbox.OutboxSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Incidents located through an outbox of their own, relayed by document-outbox's relay with
 * {@code geo-search.outbox.*}; their listeners start once the camera index is loaded.
 */
@Configuration(proxyBeanMethods = false)
class IncidentConfiguration {

    @Bean
    OutboxSettings outboxSettings(GeoSearchProperties properties) {
        return properties.outbox();
    }

    @Bean
    IncidentStore incidentStore(MongoDatabase serviceDatabase) {
        return new IncidentStore(serviceDatabase);
    }

    @Bean
    Outbox incidentOutbox(IncidentStore incidents) {
        return incidents.outbox();
    }

    @Bean
    ApplicationRunner prepareIncidents(MongoStartup mongoStartup, IncidentStore incidents) {
        return mongoStartup.whenReachable("preparing the incidents collection", incidents::ensureIndexes);
    }

    @Bean
    IncidentLocator incidentLocator(CameraIndex index, CameraStore cameras, Jurisdictions jurisdictions,
            IncidentStore incidents, GeoSearchProperties properties, EventCodec codec, OutboxRelay relay,
            ObjectProvider<Clock> clocks) {
        GeoSearchProperties.Incidents settings = properties.incidents();
        return new IncidentLocator(index, cameras, jurisdictions, incidents, new IncidentRadii(settings),
                settings.maxCameras(), codec, relay, clocks.getIfAvailable(Clock::systemUTC));
    }

    /** Incidents wait in Kafka while the index loads: located against half an index, cameras would be missed. */
    @Bean
    ApplicationListener<PayloadApplicationEvent<CameraIndexLoaded>> startLocatingOnceLoaded(
            KafkaListenerEndpointRegistry listeners) {
        return ApplicationListener.forPayload(loaded -> {
            listeners.getListenerContainer(IncidentListener.DECLARED).start();
            listeners.getListenerContainer(IncidentListener.UPDATED).start();
        });
    }
}
