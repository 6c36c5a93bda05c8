package org.cameraregistry.outbox;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The trace a change was made in, as W3C Trace Context headers ({@code traceparent}, and
 * {@code tracestate} when there is one): kept with the event in the outbox, and sent with it to
 * Kafka, where the consumers' own spans continue it. The relay publishes later, on a thread of its
 * own, so the trace cannot be taken from the relay's context.
 */
final class TraceContext {

    private TraceContext() {
    }

    /** The current trace's headers; empty outside a trace. */
    static Map<String, String> current() {
        Map<String, String> headers = new LinkedHashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, Map::put);
        return Map.copyOf(headers);
    }
}
