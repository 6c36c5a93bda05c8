package org.cameraregistry.notification;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything notification-service lets an operator tune, under {@code notification.*}, with its default.
 * The mail server itself is Spring's {@code spring.mail.*}.
 *
 * @param program     who the emails come from and where their links lead
 * @param delivery    how sending is retried
 * @param unsubscribe the signed links that need no sign-in
 * @param digest      how live-access notices are gathered
 * @param events      how events are consumed
 */
@ConfigurationProperties("notification")
public record NotificationProperties(
        @DefaultValue Program program,
        @DefaultValue Delivery delivery,
        @DefaultValue Unsubscribe unsubscribe,
        @DefaultValue Digest digest,
        @DefaultValue Events events) {

    /**
     * @param name          the program's name, in every subject and signature
     * @param department    the police department that runs it
     * @param publicBaseUrl where the public reaches the platform (the gateway); links in emails start with it
     * @param from          the sender, such as {@code Community Camera Registry <no-reply@example.org>}
     * @param timeZone      the zone times in emails are shown in
     */
    public record Program(
            @DefaultValue("Community Camera Registry") String name,
            @DefaultValue("Dallas Police Department") String department,
            @DefaultValue("http://localhost:8080") URI publicBaseUrl,
            @DefaultValue("Community Camera Registry <no-reply@cameraregistry.localhost>") String from,
            @DefaultValue("America/Chicago") ZoneId timeZone) {
    }

    /**
     * A transient failure (a 4xx reply, a refused or reset connection) is retried with exponential
     * backoff and jitter; after {@code maxAttempts} the event goes to the dead-letter topic.
     *
     * @param maxAttempts     attempts at one email, the first included
     * @param initialBackoff  the wait after the first failure
     * @param maxBackoff      the longest wait between two attempts
     * @param claimLease      how long a delivery another instance started is left to it before this
     *                        one takes over (it may have stopped half way)
     */
    public record Delivery(
            @DefaultValue("6") int maxAttempts,
            @DefaultValue("PT2S") Duration initialBackoff,
            @DefaultValue("PT1M") Duration maxBackoff,
            @DefaultValue("PT10M") Duration claimLease) {
    }

    /**
     * @param signingKey   the HMAC key of unsubscribe links, base64, at least 32 bytes; without one a
     *                     random key is made at start, and links stop working when the service restarts
     * @param linkValidity how long an unsubscribe link works
     */
    public record Unsubscribe(String signingKey, @DefaultValue("P90D") Duration linkValidity) {
    }

    /**
     * @param window how long after a first live-access notice the others are gathered before one
     *               digest goes out
     * @param poll   how often due digests are looked for
     */
    public record Digest(@DefaultValue("PT1H") Duration window, @DefaultValue("PT5S") Duration poll) {
    }

    /**
     * @param group      the consumer group, shared by every instance; dead letters go to {@code <topic>.<group>.dlq}
     * @param retries    how often a failure other than an unreadable event, the database being away
     *                   or the mail server failing is retried before the event is dead-lettered
     * @param maxBackoff the longest wait between two attempts at one event
     */
    public record Events(
            @DefaultValue("notification") String group,
            @DefaultValue("8") int retries,
            @DefaultValue("PT10S") Duration maxBackoff) {
    }
}
