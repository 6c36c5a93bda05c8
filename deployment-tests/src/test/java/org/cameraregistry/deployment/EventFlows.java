package org.cameraregistry.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.Yaml;

/**
 * Who sends and who receives on each topic, in which consumer group: the operations of the
 * AsyncAPI document of event-contracts, which deployments grant (Kafka ACLs) and size by.
 */
public record EventFlows(List<Operation> operations, Set<String> addresses) {

    /**
     * One service's sending to, or receiving from, a topic.
     *
     * @param group        the consumer group of a receiver: its name, or the prefix every group of it starts with
     * @param sharedGroup  whether the service's instances share the group (a name), rather than one each (a prefix)
     */
    public record Operation(String service, boolean sends, String topic, String group, boolean sharedGroup) {
    }

    @SuppressWarnings("unchecked")
    public static EventFlows read() {
        try (InputStream document = EventFlows.class.getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            if (document == null) {
                throw new IllegalStateException("asyncapi.yaml of event-contracts is not on the class path");
            }
            Map<String, Object> asyncApi = new Yaml().load(document);
            Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) asyncApi.get("channels");
            Map<String, Map<String, Object>> operations = (Map<String, Map<String, Object>>) asyncApi.get("operations");
            List<Operation> read = operations.values().stream().map(operation -> {
                String channel = ((Map<String, String>) operation.get("channel")).get("$ref").replace("#/channels/", "");
                String service = ((List<Map<String, String>>) operation.get("tags")).getFirst().get("name");
                boolean sends = "send".equals(operation.get("action"));
                Map<String, Object> group = (Map<String, Object>) Optional.ofNullable(operation.get("bindings"))
                        .map(bindings -> ((Map<String, Object>) bindings).get("kafka"))
                        .map(kafka -> ((Map<String, Object>) kafka).get("groupId")).orElse(Map.of());
                String name = group.containsKey("const") ? group.get("const").toString()
                        : group.containsKey("pattern") ? group.get("pattern").toString().replace("^", "").replace(".+$", "") : null;
                return new Operation(service, sends, channels.get(channel).get("address").toString(), name,
                        group.containsKey("const"));
            }).toList();
            Set<String> addresses = channels.values().stream().map(channel -> channel.get("address").toString())
                    .collect(Collectors.toSet());
            return new EventFlows(read, addresses);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Set<String> services() {
        return operations.stream().map(Operation::service).collect(Collectors.toSet());
    }

    public List<Operation> of(String service) {
        return operations.stream().filter(operation -> operation.service().equals(service)).toList();
    }
}
