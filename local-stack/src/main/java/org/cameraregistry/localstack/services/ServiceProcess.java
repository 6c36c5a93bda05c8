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
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One instance of a service running as its own JVM, as it would in a container. Its output goes to
 * a log file; its errors are echoed on the console, prefixed with its name.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final int TAIL_LINES = 40;

    private final ServiceSpec spec;
    private final Process process;
    private final Deque<String> tail = new ArrayDeque<>();
    private volatile boolean stopping;

    private ServiceProcess(ServiceSpec spec, Process process) {
        this.spec = spec;
        this.process = process;
    }

    /** Starts the instance {@code spec} describes; its errors are echoed to {@code console}. */
    public static ServiceProcess start(ServiceSpec spec, PrintStream console) {
        if (!Files.isRegularFile(spec.jar())) {
            throw new IllegalStateException("No runnable jar for " + spec.name() + " at " + spec.jar()
                    + ": build the platform first (./mvnw package -DskipTests).");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(spec.jvmOptions());
        command.add("-jar");
        command.add(spec.jar().toString());
        command.addAll(spec.arguments());
        try {
            Files.createDirectories(spec.logFile().getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(spec.environment());
            Process process = builder.start();
            ServiceProcess service = new ServiceProcess(spec, process);
            Thread.ofPlatform().name(spec.label() + "-output").daemon().start(() -> service.pump(console));
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + spec.label(), e);
        }
    }

    public ServiceSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    public String url() {
        return spec.url();
    }

    public String managementUrl() {
        return spec.managementUrl();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Completes when the process ends, with its exit code. */
    public CompletableFuture<Integer> exit() {
        return process.onExit().thenApply(Process::exitValue);
    }

    /** Whether it ended because it was asked to stop, rather than by itself. */
    public boolean wasStopped() {
        return stopping;
    }

    /** Whether the service says it is ready for traffic (its readiness probe answers 200). */
    public boolean isReady() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(managementUrl() + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(),
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

    private void pump(PrintStream console) {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer log = Files.newBufferedWriter(spec.logFile(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND)) {
            String line;
            while ((line = output.readLine()) != null) {
                log.write(line);
                log.write(System.lineSeparator());
                log.flush();
                remember(line);
                if (line.contains(" ERROR ")) {
                    console.println("[" + spec.label() + "] " + line);
                }
            }
        } catch (IOException e) {
            // The stream closes under the reader when the process is stopped or dies; only a loss while it runs matters.
            if (!stopping && process.isAlive()) {
                console.println("[" + spec.label() + "] log output lost: " + e);
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
