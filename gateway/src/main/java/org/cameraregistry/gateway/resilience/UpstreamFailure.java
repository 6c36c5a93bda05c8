package org.cameraregistry.gateway.resilience;

import java.net.ConnectException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import reactor.netty.http.client.PrematureCloseException;

/** What went wrong on the way to a service, as the caller must hear it. */
enum UpstreamFailure {

    /** The gateway's own limit: no connection free in its pool in time. Not the service's fault. */
    GATEWAY_BUSY,
    /** No instance known, a connection refused, or closed before any answer: nothing was done. */
    UNREACHABLE,
    /** The service took too long to answer: what it did is unknown. */
    TIMED_OUT,
    /** Anything else that broke the answer. */
    BROKEN_ANSWER;

    static UpstreamFailure of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // The connection pool's exceptions are shaded inside reactor-netty: known by name only.
            String name = cause.getClass().getSimpleName();
            if (name.equals("PoolAcquireTimeoutException") || name.equals("PoolAcquirePendingLimitException")) {
                return GATEWAY_BUSY;
            }
            if (cause instanceof ConnectException || cause instanceof PrematureCloseException) {
                return UNREACHABLE;
            }
            if (cause instanceof ResponseStatusException status) {
                if (status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
                    return TIMED_OUT;
                }
                if (status.getStatusCode().value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
                    return UNREACHABLE;
                }
            }
        }
        return BROKEN_ANSWER;
    }
}
