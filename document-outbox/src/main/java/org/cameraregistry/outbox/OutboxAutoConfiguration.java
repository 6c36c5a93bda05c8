package org.cameraregistry.outbox;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cameraregistry.chassis.instance.ServiceProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The relay of every {@link Outbox} bean of a service, each under a lease of its own, and
 * {@code /actuator/outbox}; on as soon as the service declares its {@link OutboxSettings}.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.cameraregistry.chassis.mongo.ServiceDatabaseAutoConfiguration",
        "org.cameraregistry.chassis.instance.ServiceInstanceAutoConfiguration"})
@ConditionalOnBean(OutboxSettings.class)
public class OutboxAutoConfiguration {

    @Bean
    OutboxRelay outboxRelay(List<Outbox> outboxes, MongoDatabase serviceDatabase, KafkaTemplate<String, byte[]> kafka,
            KafkaAdmin kafkaAdmin, OutboxSettings settings, ServiceProperties instance, ObjectProvider<Clock> clocks,
            MeterRegistry meters, ApplicationEventPublisher events) {
        Clock clock = clocks.getIfAvailable(Clock::systemUTC);
        Map<Outbox, RelayLease> leased = new LinkedHashMap<>();
        for (Outbox outbox : outboxes) {
            leased.put(outbox, new RelayLease(serviceDatabase, outbox.name(), instance.instanceId(),
                    settings.leaseDuration(), clock));
        }
        return new OutboxRelay(leased, kafka, new KafkaReachability(kafkaAdmin.getConfigurationProperties(),
                Duration.ofSeconds(3)), settings, clock, meters, events);
    }

    @Bean
    OutboxEndpoint outboxEndpoint(List<Outbox> outboxes, OutboxRelay relay) {
        return new OutboxEndpoint(outboxes, relay);
    }
}
