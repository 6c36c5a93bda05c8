package org.cameraregistry.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Traces leave the service only for a collector it is told of: with an OTLP endpoint, a request's
 * spans are posted there under the request's trace id; with none, no exporter exists at all.
 */
class TraceExportIT {

    private static final String DATABASE = "registry-traces-" + UUID.randomUUID();

    @Test
    void aRequestsSpansReachTheCollectorNamedAndNoneIsMadeWithoutOne() throws IOException {
        List<byte[]> posted = new CopyOnWriteArrayList<>();
        HttpServer collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            posted.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        String trace = UUID.randomUUID().toString().replace("-", "");
        try (RunningRegistry traced = RunningRegistry.start(DATABASE,
                "--management.opentelemetry.tracing.export.otlp.endpoint=http://localhost:" + collector.getAddress().getPort() + "/v1/traces",
                "--management.opentelemetry.tracing.export.schedule-delay=200ms")) {
            assertThat(traced.api().post("/api/cameras",
                    "{\"label\":\"Traced\",\"latitude\":32.78,\"longitude\":-96.8,\"level\":\"LEVEL_1\"}",
                    "traceparent", "00-" + trace + "-00f067aa0ba902b7-01").status()).isEqualTo(201);

            byte[] traceId = HexFormat.of().parseHex(trace);
            await().atMost(Duration.ofSeconds(30)).until(() -> posted.stream().anyMatch(body -> contains(body, traceId)));
        } finally {
            collector.stop(0);
        }

        try (RunningRegistry quiet = RunningRegistry.start(DATABASE)) {
            assertThat(quiet.beans(SpanExporter.class)).as("no collector named: nothing to export to").isEmpty();
        }
    }

    private static boolean contains(byte[] body, byte[] part) {
        outer:
        for (int start = 0; start <= body.length - part.length; start++) {
            for (int i = 0; i < part.length; i++) {
                if (body[start + i] != part[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
