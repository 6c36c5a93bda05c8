package org.cameraregistry.registry.outbox;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
            KafkaAdmin kafkaAdmin, RegistryProperties properties, Clock clock, MeterRegistry meters,
            ApplicationEventPublisher events) {
        String instance = properties.instanceId() != null ? properties.instanceId() : defaultInstanceId();
        Map<Outbox, RelayLease> leased = new LinkedHashMap<>();
        for (Outbox outbox : outboxes) {
            leased.put(outbox, new RelayLease(serviceDatabase, outbox.name(), instance,
                    properties.outbox().leaseDuration(), clock));
        }
        return new OutboxRelay(leased, kafka, new KafkaReachability(kafkaAdmin.getConfigurationProperties(),
                Duration.ofSeconds(3)), properties.outbox(), clock, meters, events);
    }

    @Bean
    OutboxEndpoint outboxEndpoint(List<Outbox> outboxes, OutboxRelay relay) {
        return new OutboxEndpoint(outboxes, relay);
    }

    /** The host (a pod's name in Kubernetes) and a random part, so that two instances on one host differ too. */
    private static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "registry";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
