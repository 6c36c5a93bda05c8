package org.cameraregistry.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A benchmark's {@code --name=value} options. An option may be given more than once; an option no
 * benchmark asked for is refused by {@link #noOthers()}, so that a misspelt one does not silently
 * measure the default.
 */
public final class BenchOptions {

    private final Map<String, List<String>> given = new LinkedHashMap<>();
    private final Set<String> read = new HashSet<>();

    private BenchOptions(String[] args) {
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("Options are written --name=value, not " + arg);
            }
            given.computeIfAbsent(arg.substring(2, equals), name -> new ArrayList<>()).add(arg.substring(equals + 1));
        }
    }

    public static BenchOptions of(String[] args) {
        return new BenchOptions(args);
    }

    public int integer(String name, int otherwise) {
        String value = last(name);
        return value == null ? otherwise : Integer.parseInt(value);
    }

    public Path path(String name, Path otherwise) {
        String value = last(name);
        return value == null ? otherwise : Path.of(value);
    }

    /** A comma-separated list, given once. */
    public List<String> list(String name, List<String> otherwise) {
        String value = last(name);
        return value == null ? otherwise : List.of(value.split(","));
    }

    /** Every value of an option given as many times as needed. */
    public List<String> every(String name) {
        read.add(name);
        return given.getOrDefault(name, List.of());
    }

    /**
     * The services' extra arguments, each given as {@code --setting=SERVICE:--PROPERTY=VALUE}, as
     * many times as needed, by service.
     */
    public Map<String, List<String>> serviceSettings() {
        Map<String, List<String>> settings = new HashMap<>();
        for (String setting : every("setting")) {
            String[] serviceAndArgument = setting.split(":", 2);
            if (serviceAndArgument.length < 2 || !serviceAndArgument[1].startsWith("--")) {
                throw new IllegalArgumentException("--setting takes SERVICE:--PROPERTY=VALUE, not " + setting);
            }
            settings.computeIfAbsent(serviceAndArgument[0], service -> new ArrayList<>()).add(serviceAndArgument[1]);
        }
        return settings;
    }

    /** Refuses the options that no one read. */
    public void noOthers() {
        Set<String> unknown = new HashSet<>(given.keySet());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown options " + unknown + "; this benchmark reads " + read);
        }
    }

    private String last(String name) {
        List<String> values = every(name);
        return values.isEmpty() ? null : values.getLast();
    }
}
