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
 * @param events       how the events the registry consumes (account erasures) are consumed
 * @param erasure      what the registry remembers of an erased owner
 * @param pairing      the one-time codes that pair a relay device with a Level 2 camera
 */
@ConfigurationProperties("registry")
public record RegistryProperties(@DefaultValue OutboxSettings outbox, @DefaultValue Idempotency idempotency,
        @DefaultValue Events events, @DefaultValue Erasure erasure, @DefaultValue Pairing pairing) {

    /** @param codeLifetime how long a pairing code works, unless used first */
    public record Pairing(@DefaultValue("P1D") Duration codeLifetime) {
    }

    /** @param keyLifetime how long a repeat of a request with the same key answers what the first one did */
    public record Idempotency(@DefaultValue("PT24H") Duration keyLifetime) {
    }

    /**
     * @param group      the consumer group, shared by every instance; its dead-letter topics are
     *                   {@code <topic>.<group>.dlq}
     * @param retries    how often an event that fails for a reason other than being unreadable, or
     *                   than the database being away, is retried before it is dead-lettered
     * @param maxBackoff the longest wait between two attempts at one event
     */
    public record Events(
            @DefaultValue("registry") String group,
            @DefaultValue("4") int retries,
            @DefaultValue("PT10S") Duration maxBackoff) {
    }

    /**
     * @param rememberOwners how long an erased owner's id is kept, to refuse the registrations of
     *                       tokens issued before the erasure (they live five minutes)
     */
    public record Erasure(@DefaultValue("PT1H") Duration rememberOwners) {
    }
}
