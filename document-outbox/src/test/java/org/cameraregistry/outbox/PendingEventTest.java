package org.cameraregistry.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PendingEventTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    @Test
    void anEventWrittenInATraceKeepsItThroughTheOutbox() {
        PendingEvent written;
        try (Scope request = Span.wrap(SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), TraceState.getDefault())).makeCurrent()) {
            written = new PendingEvent("event-1", "camera-registered", "camera-1", "{}", Instant.parse("2026-12-07T05:00:00Z"));
        }

        assertThat(written.traceContext()).containsExactly(Map.entry("traceparent", "00-" + TRACE + "-" + SPAN + "-01"));
        assertThat(PendingEvent.read(written.toDocument())).isEqualTo(written);
    }

    @Test
    void anEventWrittenOutsideATraceCarriesNoneAndAnEntryFromBeforeReadsAsNone() {
        PendingEvent written = new PendingEvent("event-2", "camera-registered", "camera-2", "{}", Instant.parse("2026-12-07T05:00:00Z"));

        assertThat(written.traceContext()).isEmpty();
        assertThat(written.toDocument()).doesNotContainKey("traceContext");
        assertThat(PendingEvent.read(written.toDocument()).traceContext()).isEmpty();
    }
}
