package org.cameraregistry.deployment.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Dockerfile's image built and run on this machine, for a machine with no Docker engine: each
 * stage's file system is a folder, its {@code RUN}s run there in bash, and the container is a
 * process started in the image's working folder with the image's environment. The base image's
 * own files are not there; its {@code java} is this JVM's. Every instruction is carried out or
 * refused, none skipped, so that what the Dockerfile says is what runs. Run by root, the container
 * runs as the image's {@code USER}, as Docker would run it; by anyone else, as them.
 */
final class ImageWithoutDocker {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S+)");
    private static final JsonMapper JSON = new JsonMapper();

    private final Path root;
    private final String workingDirectory;
    private final Map<String, String> environment;
    private final List<String> entrypoint;
    private final List<String> healthCheck;
    private final Duration healthCheckTimeout;
    private final String user;

    private ImageWithoutDocker(Path root, String workingDirectory, Map<String, String> environment,
            List<String> entrypoint, List<String> healthCheck, Duration healthCheckTimeout, String user) {
        this.root = root;
        this.workingDirectory = workingDirectory;
        this.environment = environment;
        this.entrypoint = entrypoint;
        this.healthCheck = healthCheck;
        this.healthCheckTimeout = healthCheckTimeout;
        this.user = user;
    }

    /** Builds every stage in a folder of its own under {@code workspace}, as {@code docker build context} would. */
    static ImageWithoutDocker build(Dockerfile dockerfile, Path context, Map<String, String> buildArguments, Path workspace) {
        Map<String, Path> stageRoots = new HashMap<>();
        ImageWithoutDocker image = null;
        for (int index = 0; index < dockerfile.stages().size(); index++) {
            Dockerfile.Stage stage = dockerfile.stages().get(index);
            Path stageRoot = workspace.resolve("stage-" + index);
            image = buildStage(stage, stageRoot, context, buildArguments, stageRoots);
            stageRoots.put(stage.name().orElse(Integer.toString(index)), stageRoot);
        }
        if (image == null) {
            throw new IllegalArgumentException(dockerfile.file() + " has no FROM");
        }
        return image;
    }

    private static ImageWithoutDocker buildStage(Dockerfile.Stage stage, Path stageRoot, Path context,
            Map<String, String> buildArguments, Map<String, Path> stageRoots) {
        Map<String, String> variables = new HashMap<>();
        Map<String, String> environment = new LinkedHashMap<>();
        String workingDirectory = "/";
        List<String> entrypoint = List.of();
        List<String> healthCheck = List.of();
        Duration healthCheckTimeout = Duration.ofSeconds(30);
        String user = "root";
        createDirectories(stageRoot);
        for (Dockerfile.Instruction instruction : stage.instructions()) {
            String arguments = instruction.arguments();
            switch (instruction.keyword()) {
                case "ARG" -> {
                    String[] nameAndDefault = arguments.split("=", 2);
                    String value = buildArguments.getOrDefault(nameAndDefault[0],
                            nameAndDefault.length == 2 ? nameAndDefault[1] : null);
                    if (value == null) {
                        throw new IllegalArgumentException("ARG " + nameAndDefault[0] + " has no value and no default");
                    }
                    variables.put(nameAndDefault[0], value);
                }
                case "WORKDIR" -> {
                    workingDirectory = absolute(workingDirectory, substitute(arguments, variables, environment));
                    createDirectories(inside(stageRoot, workingDirectory));
                }
                case "COPY" -> copy(substitute(arguments, variables, environment), stageRoot, workingDirectory, context, stageRoots);
                case "RUN" -> {
                    // Only what the image's java does is done here: anything else would change this machine, not an image.
                    if (!arguments.startsWith("java ")) {
                        throw new IllegalArgumentException("RUN " + arguments + ": only java commands are carried out without Docker");
                    }
                    run(arguments, inside(stageRoot, workingDirectory), environment);
                }
                case "ENV" -> {
                    Matcher pair = ENV_PAIR.matcher(arguments);
                    while (pair.find()) {
                        environment.put(pair.group(1), unquoted(substitute(pair.group(2), variables, environment)));
                    }
                }
                case "USER" -> user = arguments;
                case "LABEL" -> {
                    // Labels describe the image to registries and tools; they change nothing in it.
                }
                case "EXPOSE" -> {
                    // Ports are the container's: here, the process listens on this machine's.
                }
                case "HEALTHCHECK" -> {
                    int command = arguments.indexOf("CMD ");
                    Matcher timeout = Pattern.compile("--timeout=(\\d+)s").matcher(arguments);
                    if (timeout.find()) {
                        healthCheckTimeout = Duration.ofSeconds(Long.parseLong(timeout.group(1)));
                    }
                    healthCheck = execForm(arguments.substring(command + 4));
                }
                case "ENTRYPOINT" -> entrypoint = execForm(arguments);
                default -> throw new IllegalArgumentException(instruction.keyword() + " is not carried out without Docker");
            }
        }
        return new ImageWithoutDocker(stageRoot, workingDirectory, environment, entrypoint, healthCheck,
                healthCheckTimeout, user);
    }

    /** The user the container runs as. */
    String user() {
        return user;
    }

    /** Starts the container's entrypoint with the image's environment and these variables, its output to {@code log}. */
    Process start(Map<String, String> containerEnvironment, Path log) {
        if (entrypoint.isEmpty()) {
            throw new IllegalStateException("the image has no ENTRYPOINT");
        }
        ProcessBuilder builder = new ProcessBuilder(asImageUser(entrypoint))
                .directory(inside(root, workingDirectory).toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        withEnvironment(builder, containerEnvironment);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the image's health check once, as Docker would: its exit code, 0 for healthy. */
    int checkHealth() {
        if (healthCheck.isEmpty()) {
            throw new IllegalStateException("the image has no HEALTHCHECK");
        }
        ProcessBuilder builder = new ProcessBuilder(asImageUser(healthCheck))
                .directory(inside(root, workingDirectory).toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        withEnvironment(builder, Map.of());
        try {
            Process check = builder.start();
            if (!check.waitFor(healthCheckTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                check.destroyForcibly();
                return 1;
            }
            return check.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /**
     * The command as the image's user: by {@code setpriv} when this machine's root runs it (the
     * image's files then readable by all, as an image's are), else as whoever runs it.
     */
    private List<String> asImageUser(List<String> command) {
        if (!runByRoot() || user.equals("root") || user.equals("0")) {
            return command;
        }
        String[] ids = user.split(":");
        List<String> switched = new ArrayList<>(List.of("setpriv", "--reuid=" + ids[0],
                "--regid=" + (ids.length > 1 ? ids[1] : ids[0]), "--clear-groups", "--"));
        switched.addAll(command);
        openToAll(root);
        return switched;
    }

    private static boolean runByRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Every folder on the way to the image, and the image's files, readable by every user. */
    private static void openToAll(Path directory) {
        try {
            for (Path folder = directory; folder != null; folder = folder.getParent()) {
                Set<PosixFilePermission> permissions = new HashSet<>(Files.getPosixFilePermissions(folder));
                // Only where missing: setting them anew would clear bits they cannot express (/tmp's sticky bit).
                if (permissions.addAll(Set.of(PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.GROUP_EXECUTE))) {
                    Files.setPosixFilePermissions(folder, permissions);
                }
            }
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.toList()) {
                    Set<PosixFilePermission> permissions = new HashSet<>(Files.getPosixFilePermissions(path));
                    permissions.addAll(Set.of(PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_READ));
                    if (Files.isDirectory(path)) {
                        permissions.addAll(Set.of(PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.GROUP_EXECUTE));
                    }
                    Files.setPosixFilePermissions(path, permissions);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void withEnvironment(ProcessBuilder builder, Map<String, String> containerEnvironment) {
        Map<String, String> processEnvironment = builder.environment();
        processEnvironment.clear();
        processEnvironment.put("PATH", javaBin() + ":/usr/bin:/bin");
        processEnvironment.putAll(environment);
        processEnvironment.putAll(containerEnvironment);
    }

    private static void copy(String arguments, Path stageRoot, String workingDirectory, Path context,
            Map<String, Path> stageRoots) {
        List<String> words = new ArrayList<>(List.of(arguments.split("\\s+")));
        Path sourceRoot = context;
        if (words.getFirst().startsWith("--from=")) {
            String stage = words.removeFirst().substring("--from=".length());
            sourceRoot = stageRoots.get(stage);
            if (sourceRoot == null) {
                throw new IllegalArgumentException("COPY --from=" + stage + ": no such stage before this one");
            }
        }
        if (words.size() != 2) {
            throw new IllegalArgumentException("COPY takes one source and a destination here: " + arguments);
        }
        Path source = words.get(0).startsWith("/") ? inside(sourceRoot, words.get(0)) : sourceRoot.resolve(words.get(0));
        String destinationPath = absolute(workingDirectory, words.get(1));
        Path destination = inside(stageRoot, destinationPath);
        try {
            if (Files.isDirectory(source)) {
                copyTree(source, destination);
            } else if (Files.isRegularFile(source)) {
                Path target = words.get(1).endsWith("/") ? destination.resolve(source.getFileName().toString()) : destination;
                createDirectories(target.getParent());
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            } else {
                throw new IllegalArgumentException("COPY " + words.get(0) + ": not found (" + source + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void run(String command, Path directory, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).directory(directory.toFile())
                .redirectErrorStream(true);
        builder.environment().put("PATH", javaBin() + ":" + System.getenv("PATH"));
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("RUN " + command + " failed (" + process.exitValue() + "):\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> execForm(String json) {
        return JSON.readValue(json.strip(), new TypeReference<List<String>>() { });
    }

    private static String substitute(String text, Map<String, String> variables, Map<String, String> environment) {
        Matcher variable = VARIABLE.matcher(text);
        StringBuilder substituted = new StringBuilder();
        while (variable.find()) {
            String value = variables.getOrDefault(variable.group(1), environment.get(variable.group(1)));
            if (value == null) {
                throw new IllegalArgumentException("${" + variable.group(1) + "} is not set");
            }
            variable.appendReplacement(substituted, Matcher.quoteReplacement(value));
        }
        return variable.appendTail(substituted).toString();
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    private static String absolute(String workingDirectory, String path) {
        return path.startsWith("/") ? path : workingDirectory + (workingDirectory.endsWith("/") ? "" : "/") + path;
    }

    private static Path inside(Path root, String absolutePath) {
        return root.resolve(absolutePath.substring(1)).normalize();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin").toString();
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
