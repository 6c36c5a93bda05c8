package org.cameraregistry.bench.search;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.cameraregistry.localstack.demo.DemoAccounts;
import org.cameraregistry.localstack.demo.RenewedToken;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Requests sent at a fixed rate whatever the answers do (an open loop, as independent users send
 * them), each request's latency counted from when it was due to be sent, not from when it was sent:
 * a server that stalls is charged for every request that waited behind the stall, which a closed
 * loop of clients waiting for their answers would hide (coordinated omission). At most
 * {@code connections} requests are in flight, over as many kept-alive connections, as a fleet of
 * consoles behind a proxy would send them; a request due while all are busy waits for one, and
 * its wait counts.
 *
 * <p>The requests go out through Reactor Netty on one event loop thread: the driver shares two
 * cores with what it measures, and a thread per connection, or the JDK's own HTTP client (about
 * 300 µs of CPU a request), took more of them (docs/benchmarks.md).
 */
final class OpenLoopLoad implements AutoCloseable {

    /** The line a driver in its own JVM prints its result on ({@link GatewaySearchBench}). */
    static final String RESULT = "result";

    private static final Duration DRIVER_WARM_UP = Duration.ofSeconds(10);
    /** Any answer slower than this counts as a timeout. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final int connections;
    private final ConnectionProvider pool;
    private final LoopResources loop = LoopResources.create("load", 1, true);
    private final HttpClient http;
    private String clientToken;
    private HttpClient client;

    OpenLoopLoad(int connections) {
        this.connections = connections;
        this.pool = ConnectionProvider.builder("load").maxConnections(connections).pendingAcquireMaxCount(-1).build();
        this.http = HttpClient.create(pool).runOn(loop).responseTimeout(TIMEOUT);
    }

    /**
     * Sends {@code rate} GET requests a second for {@code duration} to {@code base}, request
     * {@code i} for {@code paths.apply(i)}, with the bearer token {@code token} gives at that moment.
     */
    Result run(URI base, int rate, Duration duration, IntFunction<String> paths, Supplier<String> token)
            throws InterruptedException {
        int total = (int) (rate * duration.toMillis() / 1000);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long[] latencies = new long[total];
        Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(total);
        Semaphore inFlight = new Semaphore(connections);
        long loopThread = loopThreadId();
        long cpuBefore = cpuNanos(loopThread);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquire();
            int request = i;
            withToken(token.get())
                    .get().uri(base + paths.apply(i))
                    .responseSingle((response, body) -> body.then(Mono.just(Integer.toString(response.status().code()))))
                    .onErrorResume(failure -> Mono.just("failed: " + rootCause(failure).getClass().getSimpleName()))
                    .subscribe(answer -> {
                        latencies[request] = System.nanoTime() - due;
                        answers.computeIfAbsent(answer, ignored -> new AtomicLong()).incrementAndGet();
                        inFlight.release();
                        done.countDown();
                    });
        }
        long lastSent = System.nanoTime();
        if (!done.await(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)) {
            throw new IllegalStateException(done.getCount() + " requests still unanswered");
        }
        long cpu = cpuNanos(loopThread) - cpuBefore;
        printSlowestSeconds(latencies, rate);
        Arrays.sort(latencies);
        Map<String, Long> counted = new TreeMap<>();
        answers.forEach((answer, count) -> counted.put(answer, count.get()));
        return new Result(total, total / ((lastSent - start) / 1e9), counted, latencies, cpu / (double) total / 1e3);
    }

    /**
     * Runs one load in this JVM, after ten seconds of it not counted, and prints its result on one
     * line: {@code BASE RATE SECONDS CONNECTIONS IDENTITY_URL CAMERAS}, the Dallas investigator's
     * token taken from the identity service at {@code IDENTITY_URL}, the questions those of
     * {@link GatewaySearchBench#questions(int)}.
     */
    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        Duration duration = Duration.ofSeconds(Long.parseLong(args[2]));
        int connections = Integer.parseInt(args[3]);
        DemoAccounts accounts = new DemoAccounts(args[4]);
        List<String> questions = GatewaySearchBench.questions(Integer.parseInt(args[5]));
        try (RenewedToken token = new RenewedToken(() -> accounts.tokenOf(DemoAccounts.INVESTIGATOR));
                OpenLoopLoad load = new OpenLoopLoad(connections)) {
            // Ten seconds of the same load first, not counted: the driver's own JVM compiles its code meanwhile.
            load.run(base, rate, DRIVER_WARM_UP, i -> questions.get(i % questions.size()), token);
            Result result = load.run(base, rate, duration, i -> questions.get(i % questions.size()), token);
            System.out.println(String.join("\t", RESULT, Integer.toString(result.requests()),
                    Double.toString(result.sentPerSecond()), result.answers().toString(),
                    Double.toString(result.percentileMillis(50)), Double.toString(result.percentileMillis(99)),
                    Double.toString(result.percentileMillis(99.9)), Double.toString(result.percentileMillis(100)),
                    Double.toString(result.driverCpuMicros())));
        }
    }

    /** The five seconds of the run whose slowest answers were slowest, to tell a steady tail from a stall. */
    private static void printSlowestSeconds(long[] latencies, int rate) {
        int seconds = latencies.length / rate;
        long[][] slowest = new long[seconds][];
        for (int second = 0; second < seconds; second++) {
            long worst = 0;
            for (int i = second * rate; i < (second + 1) * rate; i++) {
                worst = Math.max(worst, latencies[i]);
            }
            slowest[second] = new long[] {second, worst};
        }
        Arrays.sort(slowest, (a, b) -> Long.compare(b[1], a[1]));
        StringBuilder line = new StringBuilder("slowest seconds (second: ms):");
        for (int i = 0; i < Math.min(5, seconds); i++) {
            line.append(' ').append(slowest[i][0]).append(": ").append(slowest[i][1] / 1_000_000);
        }
        System.err.println(line);
    }

    /** The client with this bearer token on every request: configured again only when the token changes. */
    private HttpClient withToken(String token) {
        if (!token.equals(clientToken)) {
            clientToken = token;
            client = http.headers(headers -> headers.set("Authorization", "Bearer " + token));
        }
        return client;
    }

    /** The event loop's thread, which does the driver's network work. */
    private long loopThreadId() throws InterruptedException {
        try {
            return loop.onClient(true).next().submit(() -> Thread.currentThread().threadId()).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CPU time of the driver's two threads: this one, which sends, and the event loop. */
    private static long cpuNanos(long loopThread) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.getCurrentThreadCpuTime() + threads.getThreadCpuTime(loopThread);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Override
    public void close() {
        pool.dispose();
        loop.dispose();
    }

    /**
     * @param sentPerSecond   the rate the requests actually went out at
     * @param answers         how many of each status, or of each failure to get one
     * @param driverCpuMicros the CPU time of the driver's threads per request, the kernel's work on
     *                        the loopback connections it sends on included
     */
    record Result(int requests, double sentPerSecond, Map<String, Long> answers, long[] sortedLatencies,
            double driverCpuMicros) {

        double percentileMillis(double percentile) {
            int index = (int) Math.min(sortedLatencies.length - 1, Math.ceil(sortedLatencies.length * percentile / 100) - 1);
            return sortedLatencies[Math.max(0, index)] / 1e6;
        }
    }
}
