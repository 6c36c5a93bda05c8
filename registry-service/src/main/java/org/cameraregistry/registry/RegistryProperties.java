package org.cameraregistry.registry;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything the registry lets an operator tune, under {@code registry.*}, with its default.
 *
 * @param outbox how waiting events are relayed to Kafka
 */
@ConfigurationProperties("registry")
public record RegistryProperties(@DefaultValue Outbox outbox) {

    /**
     * @param relayEnabled whether this instance relays at all (off only in tests that need events to wait)
     * @param pollInterval how often the relay looks for waiting events when no writer woke it up
     * @param maxBackoff   the longest wait between attempts while Kafka or MongoDB is unreachable
     */
    public record Outbox(
            @DefaultValue("true") boolean relayEnabled,
            @DefaultValue("PT0.5S") Duration pollInterval,
            @DefaultValue("PT30S") Duration maxBackoff) {
    }
}
