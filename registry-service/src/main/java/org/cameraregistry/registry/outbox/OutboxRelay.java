package org.cameraregistry.registry.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.cameraregistry.events.EventEnvelope;
import org.cameraregistry.registry.RegistryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Publishes waiting outbox events to Kafka, in the order they were written per document, and
 * acknowledges each document's events once Kafka has them. Runs on one thread: it polls, and a
 * writer may wake it up to publish at once.
 *
 * <p>A crash between publishing and acknowledging publishes the event again after restart:
 * delivery is at least once, and consumers recognise a repeat by the camera version it carries.
 * While Kafka or MongoDB is unreachable the relay waits with a bounded exponential backoff.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;
    /** The CloudEvents Kafka binding's header for a structured-mode event. */
    private static final String CONTENT_TYPE = "content-type";

    private final List<Outbox> outboxes;
    private final KafkaTemplate<String, byte[]> kafka;
    private final boolean enabled;
    private final Duration pollInterval;
    private final ExponentialBackOff backOff;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Counter published;
    private final Counter failures;

    private volatile boolean running;
    private volatile int consecutiveFailures;
    private BackOffExecution backOffExecution;
    private Thread thread;

    public OutboxRelay(
            List<Outbox> outboxes,
            KafkaTemplate<String, byte[]> kafka,
            MeterRegistry meters,
            RegistryProperties properties) {
        RegistryProperties.Outbox settings = properties.outbox();
        this.outboxes = outboxes;
        this.kafka = kafka;
        this.enabled = settings.relayEnabled();
        this.pollInterval = settings.pollInterval();
        this.backOff = new ExponentialBackOff(pollInterval.toMillis(), 2.0);
        this.backOff.setMaxInterval(settings.maxBackoff().toMillis());
        this.published = meters.counter("registry.outbox.published");
        this.failures = meters.counter("registry.outbox.failures");
        Gauge.builder("registry.outbox.waiting.documents", this, relay -> relay.waitingDocuments())
                .description("Documents whose events wait to be published")
                .register(meters);
    }

    /** Asks the relay to publish now rather than at its next poll; ignored while it is backing off. */
    public void wakeUp() {
        if (consecutiveFailures == 0) {
            wakeUps.release();
        }
    }

    @Override
    public void start() {
        if (!enabled) {
            log.warn("outbox relay disabled (registry.outbox.relay-enabled=false): events stay in the outbox");
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        wakeUps.release();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            long waitMillis;
            try {
                relayWaitingEvents();
                consecutiveFailures = 0;
                backOffExecution = null;
                waitMillis = pollInterval.toMillis();
            } catch (RuntimeException e) {
                failures.increment();
                consecutiveFailures++;
                if (backOffExecution == null) {
                    backOffExecution = backOff.start();
                }
                waitMillis = backOffExecution.nextBackOff();
                log.warn("outbox relay could not publish (attempt {}), retrying in {} ms: {}",
                        consecutiveFailures, waitMillis, e.toString());
            }
            try {
                wakeUps.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Publishes every waiting event; visible for the tests that drive the relay by hand. */
    void relayWaitingEvents() {
        for (Outbox outbox : outboxes) {
            List<Outbox.Waiting> batch;
            do {
                batch = outbox.waiting(BATCH);
                for (Outbox.Waiting document : batch) {
                    List<String> sent = new ArrayList<>();
                    for (PendingEvent event : document.events()) {
                        publish(event);
                        sent.add(event.eventId());
                    }
                    outbox.acknowledge(document, sent);
                }
            } while (running && batch.size() == BATCH);
        }
    }

    /** Sends one event and waits until Kafka has it; the producer's own timeouts bound the wait. */
    private void publish(PendingEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), null, event.key(),
                event.payload().getBytes(StandardCharsets.UTF_8),
                List.of(new RecordHeader(CONTENT_TYPE, EventEnvelope.MEDIA_TYPE.getBytes(StandardCharsets.UTF_8))));
        try {
            kafka.send(record).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not take event " + event.eventId() + " for " + event.topic(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + event.eventId(), e);
        }
        published.increment();
        log.info("published event {} to {} key={}", event.eventId(), event.topic(), event.key());
    }

    private double waitingDocuments() {
        try {
            return outboxes.stream().mapToLong(Outbox::waitingCount).sum();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
