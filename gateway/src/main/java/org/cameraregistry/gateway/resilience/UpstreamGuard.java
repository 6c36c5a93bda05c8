package org.cameraregistry.gateway.resilience;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cameraregistry.gateway.GatewayProperties;
import org.cameraregistry.gateway.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * What stands between the public and each service (Resilience4j): a bulkhead, the gateway's own
 * limit on requests in flight to the service, and a circuit breaker that stops sending requests
 * to a service that keeps failing, so that callers learn at once instead of waiting on it.
 *
 * <p>The breaker counts only the service's failures: a 5xx answer (passed on to the caller as the
 * service wrote it), a timeout, a connection refused. Requests the gateway turns away itself (its
 * bulkhead full, no connection free in its pool) are answered 503 and never counted: they say the
 * gateway is busy, not that the service is failing, and counting them opened the breaker under
 * load before. A request whose caller hangs up is not counted either way.
 */
@Component
public class UpstreamGuard {

    private static final Logger log = LoggerFactory.getLogger(UpstreamGuard.class);

    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads;
    private final Duration openFor;

    UpstreamGuard(GatewayProperties properties, MeterRegistry meters) {
        GatewayProperties.Upstream upstream = properties.upstream();
        this.openFor = upstream.openFor();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(upstream.failureRateThreshold())
                .slidingWindowSize(upstream.slidingWindowCalls())
                .minimumNumberOfCalls(upstream.minimumCalls())
                .waitDurationInOpenState(upstream.openFor())
                .permittedNumberOfCallsInHalfOpenState(5)
                .build());
        // No waiting in a reactive gateway: a wait would block an event loop; the pool queues instead.
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(upstream.maxConcurrentRequests())
                .maxWaitDuration(Duration.ZERO)
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
    }

    /** The guard of one service's route. */
    public GatewayFilter of(String service) {
        CircuitBreaker breaker = breakers.circuitBreaker(service);
        Bulkhead bulkhead = bulkheads.bulkhead(service);
        breaker.getEventPublisher().onStateTransition(event -> log.warn("circuit breaker of {}: {}", service,
                event.getStateTransition()));
        return (exchange, chain) -> {
            if (!bulkhead.tryAcquirePermission()) {
                return busy(exchange, service);
            }
            if (!breaker.tryAcquirePermission()) {
                bulkhead.onComplete();
                return unavailable(exchange, service, openFor,
                        service + " failed repeatedly and is given a rest. Retry in " + openFor.toSeconds() + " s.");
            }
            long started = breaker.getCurrentTimestamp();
            AtomicBoolean judged = new AtomicBoolean();
            return chain.filter(exchange)
                    .then(Mono.fromRunnable(() -> {
                        judged.set(true);
                        judgeAnswer(breaker, exchange.getResponse().getStatusCode(), elapsed(breaker, started));
                    }))
                    .onErrorResume(failure -> {
                        judged.set(true);
                        return failed(exchange, service, breaker, elapsed(breaker, started), failure);
                    })
                    .doFinally(signal -> {
                        bulkhead.onComplete();
                        if (signal == SignalType.CANCEL && !judged.get()) {
                            breaker.releasePermission();
                        }
                    })
                    .then();
        };
    }

    private static void judgeAnswer(CircuitBreaker breaker, HttpStatusCode status, long elapsed) {
        if (status != null && status.is5xxServerError()) {
            breaker.onError(elapsed, breaker.getTimestampUnit(), new ServiceFailedException(status));
        } else {
            breaker.onSuccess(elapsed, breaker.getTimestampUnit());
        }
    }

    private Mono<Void> failed(ServerWebExchange exchange, String service, CircuitBreaker breaker, long elapsed,
            Throwable failure) {
        UpstreamFailure kind = UpstreamFailure.of(failure);
        if (kind == UpstreamFailure.GATEWAY_BUSY) {
            breaker.releasePermission();
        } else {
            breaker.onError(elapsed, breaker.getTimestampUnit(), failure);
            log.debug("{} failed: {}", service, failure.toString());
        }
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        return switch (kind) {
            case GATEWAY_BUSY -> busy(exchange, service);
            case UNREACHABLE -> unavailable(exchange, service, Duration.ofSeconds(5),
                    service + " cannot be reached right now. Retry shortly.");
            case TIMED_OUT -> Problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout", "Gateway timeout",
                    service + " did not answer in time. The request may or may not have been carried out: read the"
                            + " resource before repeating a change (or repeat it with the same Idempotency-Key).");
            case BROKEN_ANSWER -> Problems.write(exchange, HttpStatus.BAD_GATEWAY, "bad-gateway", "Bad gateway",
                    service + " did not answer properly. Retry shortly.");
        };
    }

    private static Mono<Void> busy(ServerWebExchange exchange, String service) {
        exchange.getResponse().getHeaders().set("Retry-After", "1");
        return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "gateway-busy", "Gateway busy",
                "The gateway is passing as many requests to " + service + " as it takes at once. Retry in a second.");
    }

    private static Mono<Void> unavailable(ServerWebExchange exchange, String service, Duration retryAfter, String detail) {
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
        return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                detail);
    }

    private static long elapsed(CircuitBreaker breaker, long started) {
        return breaker.getCurrentTimestamp() - started;
    }

    /** A 5xx the service answered, as the breaker records it. */
    static final class ServiceFailedException extends RuntimeException {

        ServiceFailedException(HttpStatusCode status) {
            super("answered " + status.value(), null, false, false);
        }
    }
}
