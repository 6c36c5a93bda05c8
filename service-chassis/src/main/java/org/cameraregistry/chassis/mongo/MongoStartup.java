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
 * ten seconds between attempts, and the start fails only once {@code timeout} has passed.
 */
public final class MongoStartup {

    private static final Logger log = LoggerFactory.getLogger(MongoStartup.class);

    private MongoStartup() {
    }

    /** An application runner that does {@code work} as soon as MongoDB answers. */
    public static ApplicationRunner whenReachable(String work, Duration timeout, Runnable task) {
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
