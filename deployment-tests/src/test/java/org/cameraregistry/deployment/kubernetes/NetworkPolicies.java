package org.cameraregistry.deployment.kubernetes;

import static org.cameraregistry.deployment.kubernetes.Yamls.map;
import static org.cameraregistry.deployment.kubernetes.Yamls.maps;

import java.util.List;
import java.util.Map;

/**
 * Whether Kubernetes network policies let one pod of a namespace open a TCP connection to another
 * of the same namespace: the source's egress and the destination's ingress must each allow it
 * (every policy selecting a pod is added up; a pod no policy of a direction selects is open in it).
 */
final class NetworkPolicies {

    private NetworkPolicies() {
    }

    static boolean allows(List<Map<String, Object>> policies, Map<String, String> from, Map<String, String> to, int port) {
        return allowedBy(policies, "Egress", "egress", "to", from, to, port)
                && allowedBy(policies, "Ingress", "ingress", "from", to, from, port);
    }

    private static boolean allowedBy(List<Map<String, Object>> policies, String type, String rulesKey, String peersKey,
            Map<String, String> pod, Map<String, String> peer, int port) {
        List<Map<String, Object>> selecting = policies.stream()
                .filter(policy -> Yamls.list(policy, "spec", "policyTypes").contains(type))
                .filter(policy -> selects(map(policy, "spec", "podSelector"), pod))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream().flatMap(policy -> maps(policy, "spec", rulesKey).stream())
                .anyMatch(rule -> peers(rule, peersKey, peer) && ports(rule, port));
    }

    private static boolean peers(Map<String, Object> rule, String key, Map<String, String> peer) {
        if (!rule.containsKey(key)) {
            return true;
        }
        // A peer with a namespace selector or an address block is outside this namespace's pods.
        return maps(rule, key).stream().anyMatch(candidate -> !candidate.containsKey("namespaceSelector")
                && !candidate.containsKey("ipBlock") && selects(map(candidate, "podSelector"), peer));
    }

    private static boolean ports(Map<String, Object> rule, int port) {
        if (!rule.containsKey("ports")) {
            return true;
        }
        return maps(rule, "ports").stream().anyMatch(candidate -> Integer.valueOf(port).equals(candidate.get("port")));
    }

    private static boolean selects(Map<String, Object> selector, Map<String, String> labels) {
        Map<String, Object> matchLabels = map(selector, "matchLabels");
        return matchLabels.entrySet().stream().allMatch(label -> String.valueOf(label.getValue()).equals(labels.get(label.getKey())));
    }
}
