package org.cameraregistry.chassis.mongo;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;

/**
 * Work a service must do in its database before it reports ready (indexes, loading a cache).
 * MongoDB may start after the service: the work is retried with an exponential backoff of at most
 * ten seconds between attempts, and the start fails only once the start-up timeout has passed
 * ({@code service.database.startup-timeout}).
 */
public final class MongoStartup {

    private static final Logger log = LoggerFactory.getLogger(MongoStartup.class);

    private final Duration timeout;

    public MongoStartup(Duration timeout) {
        this.timeout = timeout;
    }

    /** An application runner that does {@code task} as soon as MongoDB answers; {@code work} names it in the log. */
    public ApplicationRunner whenReachable(String work, Runnable task) {
        RetryTemplate retry = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(Long.MAX_VALUE)
                .delay(Duration.ofMillis(500))
                .multiplier(2)
                .maxDelay(Duration.ofSeconds(10))
                .timeout(timeout)
                .build());
        retry.setRetryListener(new RetryListener() {
            @Override
            public void onRetryFailure(RetryPolicy policy, Retryable<?> retryable, Throwable failure) {
                log.warn("{}: MongoDB not reachable yet, retrying: {}", work, failure.toString());
            }
        });
        return args -> retry.execute(() -> {
            task.run();
            return null;
        });
    }
}
