package org.cameraregistry.localstack.services;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps every instance running, as Kubernetes would: one that ends by itself (a crash, an
 * {@code OutOfMemoryError}, a {@code kill -9}) is started again after a backoff that doubles from
 * one second to thirty, and resets once it has run for a minute. Each restart is said on the console.
 */
public final class Supervisor implements AutoCloseable {

    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(30);
    private static final Duration STABLE = Duration.ofMinutes(1);
    private static final Duration READY_WITHIN = Duration.ofMinutes(4);

    private final PrintStream console;
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("supervisor").daemon().factory());
    private final Map<ServiceSpec, Supervised> running = new LinkedHashMap<>();
    private boolean closed;

    public Supervisor(PrintStream console) {
        this.console = console;
    }

    /** Starts the instance and keeps it running until {@link #close()}. */
    public synchronized ServiceProcess start(ServiceSpec spec) {
        requireOpen();
        Supervised supervised = new Supervised(spec);
        running.put(spec, supervised);
        supervised.launch();
        return supervised.current;
    }

    /** The instances as they run now (a restarted one is its new process). */
    public synchronized List<ServiceProcess> processes() {
        return running.values().stream().map(supervised -> supervised.current).toList();
    }

    /** Stops supervising and stops every instance (in parallel, each gracefully). */
    @Override
    public void close() {
        List<ServiceProcess> stopping;
        synchronized (this) {
            closed = true;
            restarts.shutdownNow();
            stopping = new ArrayList<>(processes());
            running.clear();
        }
        stopping.parallelStream().forEach(ServiceProcess::close);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the local stack is stopping");
        }
    }

    /** One instance across its restarts. */
    private final class Supervised {

        private final ServiceSpec spec;
        private ServiceProcess current;
        private Instant startedAt;
        private int restartsInARow;

        Supervised(ServiceSpec spec) {
            this.spec = spec;
        }

        /** Under the supervisor's lock. */
        void launch() {
            current = ServiceProcess.start(spec, console);
            startedAt = Instant.now();
            ServiceProcess watched = current;
            watched.exit().thenAccept(code -> ended(watched, code));
        }

        private void ended(ServiceProcess process, int exitCode) {
            synchronized (Supervisor.this) {
                if (closed || process.wasStopped() || process != current) {
                    return;
                }
                if (Duration.between(startedAt, Instant.now()).compareTo(STABLE) >= 0) {
                    restartsInARow = 0;
                }
                restartsInARow++;
                Duration backoff = backoff(restartsInARow);
                console.printf("[%s] stopped unexpectedly (exit code %d); restarting in %d s (restart %d in a row)%n",
                        spec.label(), exitCode, backoff.toSeconds(), restartsInARow);
                restarts.schedule(this::restart, backoff.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        private void restart() {
            ServiceProcess started;
            synchronized (Supervisor.this) {
                if (closed) {
                    return;
                }
                launch();
                started = current;
            }
            console.printf("[%s] restarted (pid %d)%n", spec.label(), started.pid());
            Thread.ofVirtual().name(spec.label() + "-readiness").start(() -> sayWhenReady(started));
        }

        private void sayWhenReady(ServiceProcess started) {
            long deadline = System.nanoTime() + READY_WITHIN.toNanos();
            while (started.isAlive() && System.nanoTime() < deadline && !closed) {
                if (started.isReady()) {
                    console.printf("[%s] ready again at %s%n", spec.label(), spec.url());
                    return;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private static Duration backoff(int restart) {
            long millis = FIRST_BACKOFF.toMillis() << Math.min(restart - 1, 10);
            return Duration.ofMillis(Math.min(millis, LONGEST_BACKOFF.toMillis()));
        }
    }
}
