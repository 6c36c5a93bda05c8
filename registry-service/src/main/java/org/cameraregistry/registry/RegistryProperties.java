package org.cameraregistry.registry;

import java.time.Duration;
import org.cameraregistry.outbox.OutboxSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything the registry lets an operator tune, under {@code registry.*}, with its default.
 *
 * @param outbox       how waiting events are relayed to Kafka
 * @param idempotency  how long a client's {@code Idempotency-Key} is remembered
 */
@ConfigurationProperties("registry")
public record RegistryProperties(@DefaultValue OutboxSettings outbox, @DefaultValue Idempotency idempotency) {


    /** @param keyLifetime how long a repeat of a request with the same key answers what the first one did */
    public record Idempotency(@DefaultValue("PT24H") Duration keyLifetime) {
    }
}
