package org.cameraregistry.deployment.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Dockerfile read as Docker reads it: comments and blank lines dropped, lines ending in a
 * backslash joined, and its instructions grouped in stages, one per {@code FROM}.
 */
record Dockerfile(Path file, List<Stage> stages) {

    record Instruction(String keyword, String arguments) {
    }

    /** A build stage: its base image, its name ({@code FROM image AS name}) if any, what it does. */
    record Stage(String base, Optional<String> name, List<Instruction> instructions) {

        List<Instruction> all(String keyword) {
            return instructions.stream().filter(instruction -> instruction.keyword().equals(keyword)).toList();
        }

        Optional<Instruction> last(String keyword) {
            List<Instruction> found = all(keyword);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.getLast());
        }
    }

    static Dockerfile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            String whole = pending.toString().strip();
            pending.setLength(0);
            int space = whole.indexOf(' ');
            instructions.add(new Instruction(whole.substring(0, space).toUpperCase(Locale.ROOT),
                    whole.substring(space + 1).strip()));
        }
        if (!pending.isEmpty()) {
            throw new IllegalArgumentException(file + " ends in a continued line");
        }
        List<Stage> stages = new ArrayList<>();
        for (Instruction instruction : instructions) {
            if (instruction.keyword().equals("FROM")) {
                String[] words = instruction.arguments().split("\\s+");
                Optional<String> name = words.length == 3 && words[1].equalsIgnoreCase("AS")
                        ? Optional.of(words[2]) : Optional.empty();
                stages.add(new Stage(words[0], name, new ArrayList<>()));
            } else if (stages.isEmpty()) {
                if (!instruction.keyword().equals("ARG")) {
                    throw new IllegalArgumentException(file + ": " + instruction.keyword() + " before any FROM");
                }
            } else {
                stages.getLast().instructions().add(instruction);
            }
        }
        return new Dockerfile(file, List.copyOf(stages));
    }

    /** The stage the image is made of: the last. */
    Stage image() {
        return stages.getLast();
    }
}
