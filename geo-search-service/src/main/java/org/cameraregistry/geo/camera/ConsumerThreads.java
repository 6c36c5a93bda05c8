package org.cameraregistry.geo.camera;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * The service's Kafka consumers on platform threads of their own, while its searches run on
 * virtual threads. On virtual threads the consumers took turns on the same two carriers as the
 * searches: each change applied waited behind every search queued there, once for each of its
 * database writes, and at 100 changes a second, with a hundred searches queued, the index fell
 * tens of seconds behind (docs/benchmarks.md). The operating system schedules platform threads
 * beside the carriers, so changes keep reaching the index under any load of searches.
 */
@Configuration(proxyBeanMethods = false)
class ConsumerThreads {

    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> consumersOnPlatformThreads() {
        return container -> container.getContainerProperties()
                .setListenerTaskExecutor(new SimpleAsyncTaskExecutor(container.getListenerId() + "-"));
    }
}
