package org.cameraregistry.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.cameraregistry.events.EventEnvelope;
import org.cameraregistry.outbox.PendingEvent.UnreadableEntryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Publishes waiting outbox events to Kafka. Each pass takes a batch of documents, sends all their
 * events without waiting, then waits for Kafka to confirm them and acknowledges, per document, the
 * events it confirmed up to the first that failed, so that a document's events leave in the order
 * they were written. Runs on one thread: it polls, and a writer may wake it up to publish at once,
 * after lingering a moment for the writes that follow.
 *
 * <p>A crash between publishing and acknowledging publishes the event again after restart:
 * delivery is at least once, and consumers recognise a repeat by the version it carries.
 *
 * <p>Failures:
 * <ul>
 * <li>Kafka (or MongoDB) unreachable: the pass is abandoned and retried with a bounded exponential
 * backoff; no event is blamed, nothing is parked.</li>
 * <li>One event that Kafka refuses while it takes others (a topic missing or denied, a record too
 * large): its document is retried later with a backoff of its own, while the other documents
 * flow, and after {@code max-attempts} the event is parked with its reason, for an operator to
 * re-queue (see {@link Outbox#requeue}).</li>
 * <li>An entry that cannot be read as an event is parked at once.</li>
 * <li>An {@link Error} stops the relay and marks the service's liveness broken, so that it is
 * restarted rather than reporting healthy while nothing is published.</li>
 * </ul>
 * Several instances of the service may run: only the holder of the outbox's {@link RelayLease} relays.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** The CloudEvents Kafka binding's header for a structured-mode event. */
    private static final String CONTENT_TYPE = "content-type";

    private final Map<Outbox, RelayLease> outboxes;
    private final KafkaTemplate<String, byte[]> kafka;
    private final KafkaReachability reachability;
    private final OutboxSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ExponentialBackOff backOff;
    private final RetrySchedule retries;
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicBoolean holdsALease = new AtomicBoolean();
    private final Counter published;
    private final Counter failures;
    private final Counter parked;

    private volatile boolean running;
    private volatile int consecutiveFailures;
    private BackOffExecution backOffExecution;
    private Thread thread;

    public OutboxRelay(Map<Outbox, RelayLease> outboxes, KafkaTemplate<String, byte[]> kafka,
            KafkaReachability reachability, OutboxSettings settings, Clock clock, MeterRegistry meters,
            ApplicationEventPublisher events) {
        this.outboxes = outboxes;
        this.kafka = kafka;
        this.reachability = reachability;
        this.settings = settings;
        this.clock = clock;
        this.events = events;
        this.backOff = new ExponentialBackOff(settings.pollInterval().toMillis(), 2.0);
        this.backOff.setMaxInterval(settings.maxBackoff().toMillis());
        this.retries = new RetrySchedule(settings.maxAttempts(), settings.maxBackoff());
        this.published = meters.counter("outbox.published");
        this.failures = meters.counter("outbox.failures");
        this.parked = meters.counter("outbox.parked");
        Gauge.builder("outbox.waiting.documents", this, relay -> relay.sum(Outbox::waitingCount))
                .description("Documents whose events wait to be published").register(meters);
        Gauge.builder("outbox.parked.documents", this, relay -> relay.sum(Outbox::parkedCount))
                .description("Documents with events given up on, waiting for an operator").register(meters);
        TimeGauge.builder("outbox.oldest.waiting.age", this, TimeUnit.MILLISECONDS,
                        OutboxRelay::oldestWaitingMillis)
                .description("How long the oldest waiting event has waited").register(meters);
        Gauge.builder("outbox.lease.held", holdsALease, held -> held.get() ? 1 : 0)
                .description("1 while this instance holds the relay lease").register(meters);
    }

    /** Asks the relay to publish now rather than at its next poll; ignored while it is backing off. */
    public void wakeUp() {
        if (consecutiveFailures == 0) {
            wakeUps.release();
        }
    }

    @Override
    public void start() {
        if (!settings.relayEnabled()) {
            log.warn("outbox relay disabled (<service>.outbox.relay-enabled=false): events stay in the outbox");
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    /** Stops after the pass under way, and gives the leases up so that another instance takes over at once. */
    @Override
    public void stop() {
        running = false;
        wakeUps.release();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            outboxes.values().forEach(RelayLease::release);
        } catch (RuntimeException e) {
            log.warn("could not release the relay lease; another instance takes over once it expires: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        try {
            while (running) {
                long waitMillis = relayAndWait();
                if (waitMillis > 0 && wakeUps.tryAcquire(waitMillis, TimeUnit.MILLISECONDS) && running) {
                    // Woken by a writer: let the writes that follow it join the same pass.
                    Thread.sleep(settings.linger());
                }
                wakeUps.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Error e) {
            running = false;
            log.error("outbox relay stopped by an error; marking the service's liveness broken so that it is restarted", e);
            AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
        }
    }

    /** One pass; how long to wait before the next (none if a full batch suggests more is waiting). */
    private long relayAndWait() {
        try {
            boolean more = relayOnePass();
            consecutiveFailures = 0;
            backOffExecution = null;
            return more ? 0 : settings.pollInterval().toMillis();
        } catch (RuntimeException e) {
            failures.increment();
            consecutiveFailures++;
            if (backOffExecution == null) {
                backOffExecution = backOff.start();
            }
            long waitMillis = backOffExecution.nextBackOff();
            log.warn("outbox relay could not publish (attempt {}), retrying in {} ms: {}", consecutiveFailures,
                    waitMillis, e.toString());
            return waitMillis;
        }
    }

    /**
     * Relays one batch of every outbox whose lease this instance holds; visible for the tests that
     * drive the relay by hand.
     *
     * @return whether an outbox had a full batch waiting, so that more may wait
     */
    boolean relayOnePass() {
        boolean more = false;
        boolean held = false;
        for (Map.Entry<Outbox, RelayLease> entry : outboxes.entrySet()) {
            if (!entry.getValue().acquire()) {
                continue;
            }
            held = true;
            Outbox outbox = entry.getKey();
            List<Outbox.Waiting> batch = outbox.waiting(settings.batchSize(), clock.instant());
            if (!batch.isEmpty()) {
                relay(outbox, batch);
                more |= batch.size() == settings.batchSize();
            }
        }
        holdsALease.set(held);
        return more;
    }

    private void relay(Outbox outbox, List<Outbox.Waiting> batch) {
        List<DocumentSend> sends = new ArrayList<>();
        for (Outbox.Waiting document : batch) {
            DocumentSend send = new DocumentSend(document);
            sends.add(send);
            if (!send.sendAll(outbox)) {
                // Kafka did not even answer for metadata: sending more now would only wait as long again.
                break;
            }
        }
        CompletableFuture.allOf(sends.stream().flatMap(send -> send.futures.stream()).toArray(CompletableFuture[]::new))
                .handle((done, failure) -> null).join();

        boolean anyConfirmed = sends.stream().anyMatch(DocumentSend::anyConfirmed);
        boolean anyRefused = sends.stream().anyMatch(DocumentSend::refusedForGood);
        List<Throwable> sendFailures = sends.stream().flatMap(DocumentSend::failures).toList();
        if (!sendFailures.isEmpty() && !anyConfirmed && !anyRefused && !reachability.isReachable()) {
            failures.increment(sendFailures.size());
            throw new KafkaUnreachableException(sendFailures.getFirst());
        }
        Instant now = clock.instant();
        List<Outbox.Outcome> outcomes = sends.stream().map(send -> send.outcome(now)).filter(Objects::nonNull).toList();
        outbox.record(outcomes, now);
        for (Outbox.Outcome outcome : outcomes) {
            published.increment(outcome.published().size());
            if (outcome.failure() != null) {
                failures.increment();
            }
            switch (outcome.failure()) {
                case Outbox.Failure.Park park -> {
                    parked.increment();
                    log.error("outbox event {} of {} {} parked after {} attempt(s): {}; re-queue it once the cause is"
                            + " mended (see the runbook)", park.eventId(), outbox.name(), outcome.documentId(),
                            park.attempts(), park.reason());
                }
                case Outbox.Failure.RetryLater retry -> log.warn("outbox event of {} {} failed (attempt {}), retrying"
                        + " at {}: {}", outbox.name(), outcome.documentId(), retry.attempts(), retry.at(), retry.reason());
                case null -> { }
            }
        }
    }

    private CompletableFuture<?> send(PendingEvent event) {
        List<Header> headers = new ArrayList<>();
        headers.add(new RecordHeader(CONTENT_TYPE, EventEnvelope.MEDIA_TYPE.getBytes(StandardCharsets.UTF_8)));
        // The trace the event was written in, which the consumers continue (their listeners observe it).
        event.traceContext().forEach((name, value) -> headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), null, event.key(),
                event.payload().getBytes(StandardCharsets.UTF_8), headers);
        try {
            return kafka.send(record).whenComplete((result, failure) -> {
                if (failure == null) {
                    log.info("published event {} to {} key={}", event.eventId(), event.topic(), event.key());
                }
            });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The events of one document sent in this pass, and what became of them. */
    private final class DocumentSend {

        private final Outbox.Waiting document;
        private final List<PendingEvent> sent = new ArrayList<>();
        private final List<CompletableFuture<?>> futures = new ArrayList<>();
        private Document unreadable;
        private String unreadableReason;
        private boolean relabelled;

        DocumentSend(Outbox.Waiting document) {
            this.document = document;
        }

        /** Sends the document's events in order; false if Kafka did not answer at all. */
        boolean sendAll(Outbox outbox) {
            List<Object> entries = document.entries();
            for (int position = 0; position < entries.size(); position++) {
                Object entry = entries.get(position);
                if (!(entry instanceof Document stored) || !(stored.get("eventId") instanceof String)) {
                    outbox.labelUnreadable(document.documentId(), position, entry);
                    relabelled = true;
                    return true;
                }
                PendingEvent event;
                try {
                    event = PendingEvent.read(stored);
                } catch (UnreadableEntryException e) {
                    unreadable = new Document(stored);
                    unreadableReason = "unreadable outbox entry: " + e.getMessage();
                    return true;
                }
                CompletableFuture<?> future = send(event);
                sent.add(event);
                futures.add(future);
                if (future.isCompletedExceptionally() && PublishFailures.kafkaDidNotAnswer(failureOf(future))) {
                    return false;
                }
            }
            return true;
        }

        boolean anyConfirmed() {
            return futures.stream().anyMatch(future -> !future.isCompletedExceptionally());
        }

        boolean refusedForGood() {
            return unreadable != null || failures().anyMatch(PublishFailures::refusedForGood);
        }

        Stream<Throwable> failures() {
            return futures.stream().filter(CompletableFuture::isCompletedExceptionally).map(DocumentSend::failureOf);
        }

        /** What to record of this document; null if nothing changed. */
        Outbox.Outcome outcome(Instant now) {
            List<String> confirmed = new ArrayList<>();
            int position = 0;
            while (position < sent.size() && !futures.get(position).isCompletedExceptionally()) {
                confirmed.add(sent.get(position).eventId());
                position++;
            }
            Outbox.Failure failure = null;
            if (position < sent.size()) {
                PendingEvent failed = sent.get(position);
                int attempts = (confirmed.isEmpty() ? document.attempts() : 0) + 1;
                failure = retries.afterFailure(attempts, failed.eventId(), entryOf(failed.eventId()),
                        PublishFailures.describe(failureOf(futures.get(position))), now);
            } else if (unreadable != null) {
                failure = new Outbox.Failure.Park(unreadable.getString("eventId"), unreadable, 1, unreadableReason);
            }
            if (confirmed.isEmpty() && failure == null) {
                return null;
            }
            return new Outbox.Outcome(document.documentId(), document.removeAfterRelay(), document.entries().size(),
                    confirmed, failure);
        }

        private Document entryOf(String eventId) {
            return document.entries().stream()
                    .filter(entry -> entry instanceof Document stored && eventId.equals(stored.getString("eventId")))
                    .map(entry -> (Document) entry)
                    .findFirst().orElseThrow();
        }

        private static Throwable failureOf(CompletableFuture<?> future) {
            return future.handle((result, failure) -> failure).join();
        }
    }

    private double sum(Function<Outbox, Long> count) {
        try {
            return outboxes.keySet().stream().mapToLong(count::apply).sum();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private double oldestWaitingMillis() {
        try {
            Instant now = clock.instant();
            return outboxes.keySet().stream()
                    .flatMap(outbox -> outbox.oldestWaitingSince().stream())
                    .mapToLong(since -> Duration.between(since, now).toMillis())
                    .max().orElse(0);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Every send of a pass failed and the broker cannot be reached: an outage, not the events' fault. */
    static final class KafkaUnreachableException extends RuntimeException {

        KafkaUnreachableException(Throwable cause) {
            super("Kafka cannot be reached: " + PublishFailures.describe(cause), cause);
        }
    }
}
