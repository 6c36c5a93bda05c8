package org.cameraregistry.identity.password;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A local stand-in for the Pwned Passwords range API: {@code GET /range/<five hex digits>} answers
 * the suffixes of the SHA-1s it holds under that prefix with their counts, plus padding lines with
 * the count 0, as the real one does with {@code Add-Padding}. It records the paths it was asked, and
 * can be told to fail or to be slow.
 */
public final class BreachCorpusStub implements AutoCloseable {

    private final Set<String> hashes;
    private final HttpServer server;
    private final List<String> askedPaths = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile Duration delay = Duration.ZERO;

    private BreachCorpusStub(Set<String> breachedPasswords) {
        this.hashes = breachedPasswords.stream().map(BreachCorpusStub::sha1).collect(Collectors.toSet());
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            askedPaths.add(exchange.getRequestURI().getPath());
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String prefix = exchange.getRequestURI().getPath().replaceFirst("^/range/", "").toUpperCase();
            StringBuilder body = new StringBuilder();
            if (status == 200) {
                hashes.stream().filter(hash -> hash.startsWith(prefix))
                        .forEach(hash -> body.append(hash.substring(5)).append(":42\r\n"));
                // Padding: suffixes no password has, with the count 0.
                body.append("0".repeat(35)).append(":0\r\n").append(sha1(prefix).substring(5)).append(":0\r\n");
            }
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    /** A corpus holding these passwords. */
    public static BreachCorpusStub holding(String... breachedPasswords) {
        return new BreachCorpusStub(Set.of(breachedPasswords));
    }

    public URI url() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    /** Every path asked so far. */
    public List<String> askedPaths() {
        return List.copyOf(askedPaths);
    }

    /** Answers {@code status} (with no list) from now on. */
    public void answer(int status) {
        this.status = status;
    }

    /** Waits this long before each answer from now on. */
    public void delay(Duration delay) {
        this.delay = delay;
    }

    public static String sha1(String text) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
