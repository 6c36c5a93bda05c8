package org.cameraregistry.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * An HTTP server standing where a service would: it records what the gateway forwards and answers
 * as the test says (a status, a delay), one thread per request, so that concurrency is real.
 */
final class StubService implements AutoCloseable {

    private final String name;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Document> documents = new ConcurrentHashMap<>();
    private volatile int status = 200;
    private volatile Duration delay = Duration.ZERO;

    StubService(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), body,
                    exchange.getRequestHeaders().getFirst("Authorization")));
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Document document = documents.get(exchange.getRequestURI().getPath());
            int answer = document != null ? document.status() : status != 200 ? status
                    : exchange.getRequestMethod().equals("POST") ? 201 : 200;
            byte[] json = (document != null ? document.json() : "{\"answeredBy\":\"" + name + "\",\"status\":" + answer + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer >= 400 ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(answer, json.length);
            exchange.getResponseBody().write(json);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Answers every request with {@code status} from now on (200, or 201 for a POST, by default). */
    StubService answering(int status) {
        this.status = status;
        return this;
    }

    /** Answers {@code path} with this JSON, whatever else it is told. */
    StubService serving(String path, String json) {
        return serving(path, 200, json);
    }

    /** Answers {@code path} with this status and JSON (a problem's, from 400 on). */
    StubService serving(String path, int status, String json) {
        documents.put(path, new Document(status, json));
        return this;
    }

    /** Waits this long before answering each request. */
    StubService slowedBy(Duration delay) {
        this.delay = delay;
        return this;
    }

    List<Received> received() {
        return received;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A request as it arrived; {@code authorization} is its {@code Authorization} header, or null. */
    record Received(String method, String uri, String body, String authorization) {
    }

    private record Document(int status, String json) {
    }
}
