package org.cameraregistry.bench.search;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cameraregistry.bench.BenchOptions;
import org.cameraregistry.localstack.LocalStack;
import org.cameraregistry.localstack.StackOptions;
import org.cameraregistry.localstack.StackPorts;
import org.cameraregistry.localstack.demo.DallasDemoCameras;
import org.cameraregistry.localstack.demo.DemoCamera;
import org.cameraregistry.localstack.demo.DemoJurisdiction;
import org.cameraregistry.localstack.services.ServiceJvm;

/**
 * Nearest-camera searches through the gateway, as an investigator's console sends them, against the
 * README's local stack holding {@code --cameras} demo cameras: an open-loop load at each of
 * {@code --rates} requests a second for {@code --seconds}, after {@code --warm-up} seconds of the
 * same load, over at most {@code --connections} connections (64), with the Dallas investigator's token. In the same run, the peers: geo-search called
 * directly (no gateway) at the same rates, and the whole stack again with the services' JVMs on the
 * quick-starting compiler alone, as the stack ran them before ADR 0018.
 *
 * <p>The stack's data folder is kept ({@code --data-dir}, by default {@code bench/target/search-stack}):
 * the first run registers the cameras through the gateway, as the README's stack does with
 * {@code --demo-cameras}, and later runs start on them.
 *
 * <p>{@code java -cp bench/target/bench.jar org.cameraregistry.bench.search.GatewaySearchBench
 * [--cameras=100000] [--rates=2000] [--seconds=60] [--warm-up=120] [--connections=64]
 * [--jvms=as-shipped,both,quick] [--setting=SERVICE:--PROPERTY=VALUE ...]}, from the repository's root,
 * after {@code ./mvnw package -DskipTests}. It measures; it asserts nothing.
 */
public final class GatewaySearchBench {

    private static final int QUESTIONS = 4_096;

    private final int cameras;
    private final int connections;
    private final List<String> jvms;
    private final Map<String, List<String>> settings;
    private final List<Integer> rates;
    private final Duration measured;
    private final Duration warmUp;
    private final Path data;
    private final Path services;
    private final List<String> rows = new ArrayList<>();

    private GatewaySearchBench(int cameras, int connections, List<String> jvms, Map<String, List<String>> settings,
            List<Integer> rates, Duration measured, Duration warmUp, Path data, Path services) {
        this.settings = Map.copyOf(settings);
        this.cameras = cameras;
        this.connections = connections;
        this.jvms = jvms;
        this.rates = rates;
        this.measured = measured;
        this.warmUp = warmUp;
        this.data = data;
        this.services = services;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.of(args);
        Map<String, List<String>> settings = options.serviceSettings();
        GatewaySearchBench bench = new GatewaySearchBench(options.integer("cameras", 100_000),
                options.integer("connections", 64), options.list("jvms", List.of("as-shipped", "both", "quick")),
                settings, options.list("rates", List.of("2000")).stream().map(Integer::parseInt).toList(),
                Duration.ofSeconds(options.integer("seconds", 60)), Duration.ofSeconds(options.integer("warm-up", 120)),
                options.path("data-dir", Path.of("bench", "target", "search-stack")),
                options.path("services", Path.of("local-stack", "target", "services")));
        options.noOthers();
        bench.run();
    }

    private void run() throws Exception {
        for (String jvm : jvms) {
            switch (jvm) {
                case "as-shipped" -> scenario(ServiceJvm.AS_SHIPPED, true);
                case "both" -> scenario(ServiceJvm.BOTH_COMPILERS, false);
                case "later" -> scenario(ServiceJvm.LATER_OPTIMISATION, false);
                case "quick" -> scenario(ServiceJvm.QUICK_COMPILER_ONLY, false);
                default -> throw new IllegalArgumentException("--jvms takes as-shipped, both and quick, not " + jvm);
            }
        }
        System.out.printf("%n%d cameras, nearest 10, open loop over at most %d connections, %d s measured after %d s at"
                + " the same rate, on %d cores:%n", cameras, connections, measured.toSeconds(), warmUp.toSeconds(),
                Runtime.getRuntime().availableProcessors());
        System.out.println("| services' JVMs | path | asked/s | sent/s | answers | p50 ms | p99 ms | p99.9 ms | max ms"
                + " | driver CPU µs/request |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    /** Starts the stack with these JVM options, warms it up, then measures each rate, with or without the gateway. */
    private void scenario(ServiceJvm jvm, boolean withPeer) throws Exception {
        String name = jvm.name();
        System.out.println("Starting the stack, services' JVMs: " + name);
        StackOptions options = new StackOptions(data.toAbsolutePath(), services, StackPorts.free(Map.of()), cameras,
                settings, jvm);
        long starting = System.nanoTime();
        try (LocalStack stack = LocalStack.start(options, System.out)) {
            double ready = (System.nanoTime() - starting) / 1e9;
            rows.add("| %s | ready in %.0f s%s | | | | | | | | |".formatted(name, ready, stack.demoCamerasRegistered() > 0
                    ? ", registering " + stack.demoCamerasRegistered() + " cameras" : ""));
            String gateway = stack.gatewayUrl();
            String search = stack.instancesOf("geo-search-service").getFirst().url();
            int firstRate = rates.getFirst();
            System.out.println("Warming up: " + warmUp.toSeconds() + " s at " + firstRate + "/s through the gateway");
            rows.add(row(name, "through the gateway, warming up", firstRate, drive(stack, gateway, firstRate, warmUp)));
            for (int rate : rates) {
                System.out.println("Measuring " + rate + "/s through the gateway");
                rows.add(row(name, "through the gateway", rate, drive(stack, gateway, rate, measured)));
                if (withPeer) {
                    System.out.println("Measuring " + rate + "/s on geo-search directly");
                    rows.add(row(name, "geo-search directly (peer: no gateway)", rate, drive(stack, search, rate, measured)));
                }
            }
        }
    }

    /**
     * Runs the load driver ({@link OpenLoopLoad}) in a JVM of its own, with a small heap and the serial
     * collector: in this JVM, beside the broker and the wire server, its collections paused it for
     * 80 ms at a time, and every request due meanwhile was charged for them.
     */
    private String[] drive(LocalStack stack, String base, int rate, Duration duration) throws Exception {
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                OpenLoopLoad.class.getName(), base, Integer.toString(rate), Long.toString(duration.toSeconds()),
                Integer.toString(connections), stack.identityUrl(), Integer.toString(cameras));
        Process driver = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        try (var output = driver.inputReader()) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (line.startsWith(OpenLoopLoad.RESULT + "\t")) {
                    result = line;
                } else if (!line.startsWith("SLF4J") && !line.isBlank()) {
                    System.out.println("  driver: " + line);
                }
            }
        }
        if (driver.waitFor() != 0 || result == null) {
            throw new IllegalStateException("The load driver failed (exit " + driver.exitValue() + ")");
        }
        return result.split("\t");
    }

    /** A row of the table from the driver's result line: requests, sent/s, answers, p50, p99, p99.9, max, CPU. */
    private static String row(String jvm, String path, int rate, String[] result) {
        String row = "| %s | %s | %d | %.0f | %s | %.1f | %.1f | %.1f | %.1f | %.0f |".formatted(jvm, path, rate,
                Double.parseDouble(result[2]), result[3], Double.parseDouble(result[4]), Double.parseDouble(result[5]),
                Double.parseDouble(result[6]), Double.parseDouble(result[7]), Double.parseDouble(result[8]));
        System.out.println(row);
        return row;
    }

    /**
     * Where the investigator asks: within 300 m of one of the first {@code cameras} demo cameras in
     * Dallas, the same places every run. The path and query only; the host is the gateway's or
     * geo-search's.
     */
    static List<String> questions(int cameras) {
        List<DemoCamera> dallas = DallasDemoCameras.generate(Math.max(cameras, 1)).stream()
                .filter(camera -> DemoJurisdiction.DALLAS.contains(camera.latitude(), camera.longitude()))
                .toList();
        Random random = new Random(2026);
        List<String> questions = new ArrayList<>(QUESTIONS);
        for (int i = 0; i < QUESTIONS; i++) {
            DemoCamera camera = dallas.get(random.nextInt(dallas.size()));
            double north = (random.nextDouble() * 2 - 1) * 300 / 111_320;
            double east = (random.nextDouble() * 2 - 1) * 300 / (111_320 * Math.cos(Math.toRadians(camera.latitude())));
            questions.add("/api/search/nearest?lat=%.6f&lon=%.6f&limit=10".formatted(
                    camera.latitude() + north, camera.longitude() + east));
        }
        return questions;
    }

}
