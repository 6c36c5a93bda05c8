package org.cameraregistry.localstack.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Loads the demo city into a platform that runs elsewhere (docker compose), as the local stack does
 * into its own: the demo departments and accounts, their jurisdictions, and the demo cameras once.
 *
 * <pre>
 * java -cp 'local-stack.jar:lib/*' org.cameraregistry.localstack.demo.DemoDataCommand \
 *     --gateway=http://gateway:8080 --identity=http://localhost:8086 \
 *     --search=http://geo-search-service:8082 --state-dir=/demo/state [--cameras=2400]
 * </pre>
 *
 * identity-service opens accounts only for a caller on its own host: run this where its address is
 * {@code localhost} (in compose, in its network namespace). The state folder remembers that the
 * cameras were registered, so that running it again registers none twice.
 */
public final class DemoDataCommand {

    private static final List<String> REQUIRED = List.of("gateway", "identity", "search", "state-dir");

    private DemoDataCommand() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path state = Files.createDirectories(Path.of(options.get("state-dir")));
        List<String> search = Arrays.stream(options.get("search").split(",")).map(String::strip).toList();
        int cameras = Integer.parseInt(options.getOrDefault("cameras", "2400"));
        try {
            int registered = new DemoCity(options.get("gateway"), new DemoAccounts(options.get("identity")), search, state,
                    System.out).registerOnce(cameras);
            System.out.println(registered == 0 ? "Demo accounts ready; the demo cameras were registered before."
                    : "Demo accounts ready; " + registered + " demo cameras registered and searchable.");
        } catch (RuntimeException e) {
            System.err.println("The demo data could not be loaded: " + e.getMessage());
            System.exit(1);
        }
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = Arrays.stream(args).map(arg -> {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Unknown argument " + arg + "; expected --name=value");
            }
            return arg.substring(2).split("=", 2);
        }).collect(Collectors.toMap(pair -> pair[0], pair -> pair[1], (first, second) -> second));
        List<String> missing = REQUIRED.stream().filter(name -> !options.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Missing " + missing.stream().map(name -> "--" + name + "=")
                    .collect(Collectors.joining(", ")) + " (see DemoDataCommand's documentation)");
        }
        List<String> unknown = options.keySet().stream()
                .filter(name -> !REQUIRED.contains(name) && !name.equals("cameras")).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown option(s) " + unknown);
        }
        return options;
    }
}
