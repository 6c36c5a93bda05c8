package org.cameraregistry.deployment.kubernetes;

import java.util.List;
import java.util.Map;

/** Paths into parsed YAML: a missing step is an empty map, list or null, not an exception. */
final class Yamls {

    private Yamls() {
    }

    static Object at(Object node, String... path) {
        Object current = node;
        for (String step : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String... path) {
        Object found = at(node, path);
        return found instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String... path) {
        Object found = at(node, path);
        return found instanceof List<?> list ? (List<Object>) list : List.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object node, String... path) {
        return list(node, path).stream().map(item -> (Map<String, Object>) item).toList();
    }

    static String string(Object node, String... path) {
        Object found = at(node, path);
        return found == null ? null : found.toString();
    }
}
