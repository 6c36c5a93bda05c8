package org.cameraregistry.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service's outboxes are relayed to Kafka. A service binds it under its own prefix (such as
 * {@code registry.outbox}) and declares it as a bean, which turns the relay on.
 *
 * @param relayEnabled          whether this instance relays at all (off only in tests that need events to wait)
 * @param pollInterval          how often the relay looks for waiting events when no writer woke it up
 * @param linger                how long the relay waits, once a writer woke it, for more writes to
 *                              relay in the same pass (as a Kafka producer lingers to fill a batch):
 *                              one query for many events rather than one each
 * @param maxBackoff            the longest wait between attempts while Kafka or MongoDB is unreachable,
 *                              and between attempts at one failing event
 * @param batchSize             how many documents one pass sends before it waits for Kafka's confirmations
 * @param maxAttempts           how often an event that Kafka refuses is tried before it is parked
 * @param maxWaitingPerDocument how many events may wait in one document's outbox; past it, changes to
 *                              that document answer 503 until the relay catches up
 * @param leaseDuration         how long an instance relays without renewing its lease before another
 *                              instance may take over
 */
public record OutboxSettings(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("PT0.5S") Duration pollInterval,
        @DefaultValue("PT0.05S") Duration linger,
        @DefaultValue("PT30S") Duration maxBackoff,
        @DefaultValue("200") int batchSize,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("100") int maxWaitingPerDocument,
        @DefaultValue("PT10S") Duration leaseDuration) {
}
