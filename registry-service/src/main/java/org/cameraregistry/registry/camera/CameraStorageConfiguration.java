package org.cameraregistry.registry.camera;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import org.cameraregistry.registry.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;

@Configuration(proxyBeanMethods = false)
class CameraStorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CameraStorageConfiguration.class);

    @Bean
    CameraRepository cameraRepository(MongoDatabase registryDatabase) {
        return new CameraRepository(registryDatabase);
    }

    @Bean
    Outbox cameraOutbox(CameraRepository cameraRepository) {
        return cameraRepository.outbox();
    }

    /**
     * Prepares the collection before the service reports ready. MongoDB may start after this
     * service; it is retried with a bounded exponential backoff instead of failing the start.
     */
    @Bean
    ApplicationRunner prepareCameraCollection(CameraRepository cameraRepository,
            @Value("${registry.startup.mongodb-timeout:PT5M}") Duration timeout) {
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
                log.warn("MongoDB not reachable yet, retrying: {}", failure.toString());
            }
        });
        return args -> retry.execute(() -> {
            cameraRepository.ensureIndexes();
            return null;
        });
    }
}
