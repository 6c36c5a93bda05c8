package org.cameraregistry.localstack.services;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One service of the platform running as its own JVM, as it would in a container: its runnable
 * jar, its port, and the addresses of Kafka and MongoDB as Spring properties. Its output goes to a
 * log file; its errors are echoed, prefixed with its name.
 */
public final class ServiceProcess implements AutoCloseable {

    /** Small heaps, the quick-starting compiler and one GC thread: seven of these share a laptop. */
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xmx384m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final int TAIL_LINES = 40;

    private final String name;
    private final int port;
    private final Process process;
    private final Deque<String> tail = new ArrayDeque<>();
    private volatile boolean stopping;

    private ServiceProcess(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /** Starts {@code jar} with {@code arguments} (Spring properties such as {@code --server.port=8081}). */
    public static ServiceProcess start(String name, Path jar, int port, List<String> arguments, Path logFile,
            PrintStream errors) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No runnable jar for " + name + " at " + jar
                    + ": build the platform first (./mvnw package -DskipTests).");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.addAll(arguments);
        try {
            Files.createDirectories(logFile.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            ServiceProcess service = new ServiceProcess(name, port, process);
            Thread.ofPlatform().name(name + "-output").daemon().start(() -> service.pump(logFile, errors));
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Whether the service says it is ready for traffic (its readiness probe answers 200). */
    public boolean isReady() {
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The last lines the service wrote, to explain why it stopped. */
    public synchronized List<String> lastLines() {
        return List.copyOf(tail);
    }

    /** Asks the service to stop (SIGTERM, so Spring shuts down gracefully), and kills it if it lingers. */
    @Override
    public void close() {
        stopping = true;
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void pump(Path logFile, PrintStream errors) {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND)) {
            String line;
            while ((line = output.readLine()) != null) {
                log.write(line);
                log.write(System.lineSeparator());
                log.flush();
                remember(line);
                if (line.contains(" ERROR ")) {
                    errors.println("[" + name + "] " + line);
                }
            }
        } catch (IOException e) {
            // The stream closes under the reader when the process is stopped; only a loss while running matters.
            if (!stopping) {
                errors.println("[" + name + "] log output lost: " + e);
            }
        }
    }

    private synchronized void remember(String line) {
        tail.addLast(line);
        if (tail.size() > TAIL_LINES) {
            tail.removeFirst();
        }
    }
}
