package org.cameraregistry.deployment.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cameraregistry.deployment.InstalledCommands;
import org.yaml.snakeyaml.Yaml;

/**
 * The objects a Kustomize folder deploys: rendered by {@code kubectl kustomize} where kubectl is
 * installed, patches and generators applied; elsewhere read from the folder's resources as they are
 * (an overlay's patches not applied), so that the base is still checked.
 */
record Manifests(String source, boolean rendered, List<Map<String, Object>> objects) {

    /** The kubectl to render with ({@code -Dkubectl=/nowhere} checks the reading without it). */
    private static final String KUBECTL = System.getProperty("kubectl", "kubectl");

    static Manifests of(Path kustomization) {
        if (kubectlInstalled()) {
            return new Manifests(kustomization.getFileName().toString(), true, rendered(kustomization));
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        readResources(kustomization, objects);
        return new Manifests(kustomization.getFileName() + " (read without kubectl)", false, objects);
    }

    static boolean kubectlInstalled() {
        return InstalledCommands.answer(KUBECTL, "version", "--client");
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(object -> kind.equals(object.get("kind"))).toList();
    }

    Map<String, Object> named(String kind, String name) {
        return ofKind(kind).stream().filter(object -> name.equals(Yamls.string(object, "metadata", "name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " in " + source));
    }

    private static List<Map<String, Object>> rendered(Path kustomization) {
        try {
            Process kubectl = new ProcessBuilder(KUBECTL, "kustomize", kustomization.toString()).start();
            byte[] output = kubectl.getInputStream().readAllBytes();
            String errors = new String(kubectl.getErrorStream().readAllBytes());
            if (!kubectl.waitFor(120, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + kustomization + " failed:\n" + errors);
            }
            return documents(new String(output));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void readResources(Path directory, List<Map<String, Object>> objects) {
        Map<String, Object> kustomization = documents(read(directory.resolve("kustomization.yaml"))).getFirst();
        for (Object resource : (List<Object>) kustomization.getOrDefault("resources", List.of())) {
            Path path = directory.resolve(resource.toString()).normalize();
            if (Files.isDirectory(path)) {
                readResources(path, objects);
            } else {
                objects.addAll(documents(read(path)));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(String yaml) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(yaml)) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
