package org.cameraregistry.registry.outbox;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cameraregistry.chassis.instance.ServiceProperties;
import org.cameraregistry.registry.RegistryProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/** The relay of every outbox the service has, each under a lease of its own. */
@Configuration(proxyBeanMethods = false)
class OutboxRelayConfiguration {

    @Bean
    OutboxRelay outboxRelay(List<Outbox> outboxes, MongoDatabase serviceDatabase, KafkaTemplate<String, byte[]> kafka,
            KafkaAdmin kafkaAdmin, RegistryProperties properties, ServiceProperties instance, Clock clock,
            MeterRegistry meters, ApplicationEventPublisher events) {
        Map<Outbox, RelayLease> leased = new LinkedHashMap<>();
        for (Outbox outbox : outboxes) {
            leased.put(outbox, new RelayLease(serviceDatabase, outbox.name(), instance.instanceId(),
                    properties.outbox().leaseDuration(), clock));
        }
        return new OutboxRelay(leased, kafka, new KafkaReachability(kafkaAdmin.getConfigurationProperties(),
                Duration.ofSeconds(3)), properties.outbox(), clock, meters, events);
    }

    @Bean
    OutboxEndpoint outboxEndpoint(List<Outbox> outboxes, OutboxRelay relay) {
        return new OutboxEndpoint(outboxes, relay);
    }
}
