package org.cameraregistry.deployment.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cameraregistry.deployment.kubernetes.Yamls.list;
import static org.cameraregistry.deployment.kubernetes.Yamls.map;
import static org.cameraregistry.deployment.kubernetes.Yamls.maps;
import static org.cameraregistry.deployment.kubernetes.Yamls.string;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cameraregistry.catalog.PlatformService;
import org.cameraregistry.catalog.ServiceCatalog;
import org.cameraregistry.deployment.EventFlows;
import org.cameraregistry.deployment.Repository;
import org.cameraregistry.deployment.ServiceSettings;
import org.cameraregistry.events.Topics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * k8s/, as each overlay deploys it ({@code kubectl kustomize}; where kubectl is missing, the base as
 * written), held to the services as they are built and to the event contracts: a Deployment with
 * probes, limits and a locked-down container, a Service, a budget and an autoscaler per service;
 * settings the service reads; a topic and the ACLs the AsyncAPI document calls for; network
 * policies that allow exactly the platform's flows; no secret.
 */
class KubernetesManifestsTest {

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();
    private static final EventFlows FLOWS = EventFlows.read();
    private static final Pattern SETTING_ARGUMENT = Pattern.compile("--([a-z0-9.\\-\\[\\]]+)=(.*)");
    private static final Map<String, String> KAFKA_BROKER = Map.of("strimzi.io/cluster", "camera-registry",
            "strimzi.io/broker-role", "true");
    private static final Map<String, String> MONGODB_MEMBER = Map.of("app", "camera-registry-mongodb-svc");

    private static Manifests manifests(String overlay) {
        return RENDERED.computeIfAbsent(overlay, name -> Manifests.of(Repository.root().resolve("k8s/overlays").resolve(name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasADeploymentAServiceABudgetAndAnAutoscaler(String overlay) {
        Manifests manifests = manifests(overlay);
        for (PlatformService service : Repository.deployed()) {
            Map<String, Object> deployment = manifests.named("Deployment", service.name());
            Map<String, String> podLabels = labels(map(deployment, "spec", "template", "metadata", "labels"));
            assertThat(podLabels).containsAllEntriesOf(labels(map(deployment, "spec", "selector", "matchLabels")));

            Map<String, Object> kubernetesService = manifests.named("Service", service.name());
            assertThat(podLabels).as(service.name()).containsAllEntriesOf(labels(map(kubernetesService, "spec", "selector")));
            List<Integer> ports = maps(kubernetesService, "spec", "ports").stream().map(port -> (Integer) port.get("port")).toList();
            assertThat(ports).contains(service.port(), Repository.managementPort(service));

            Map<String, Object> budget = manifests.named("PodDisruptionBudget", service.name());
            assertThat(podLabels).containsAllEntriesOf(labels(map(budget, "spec", "selector", "matchLabels")));

            Map<String, Object> autoscaler = manifests.named("HorizontalPodAutoscaler", service.name());
            assertThat(map(autoscaler, "spec", "scaleTargetRef")).containsEntry("kind", "Deployment").containsEntry("name", service.name());
            assertThat((Integer) Yamls.at(autoscaler, "spec", "minReplicas"))
                    .isLessThanOrEqualTo((Integer) Yamls.at(autoscaler, "spec", "maxReplicas"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerIsProbedLimitedAndLockedDown(String overlay) {
        for (PlatformService service : Repository.deployed()) {
            Map<String, Object> pod = map(manifests(overlay).named("Deployment", service.name()), "spec", "template", "spec");
            Map<String, Object> container = container(pod, service.name());
            Map<String, Integer> ports = new HashMap<>();
            maps(container, "ports").forEach(port -> ports.put((String) port.get("name"), (Integer) port.get("containerPort")));

            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                Map<String, Object> httpGet = map(container, probe, "httpGet");
                assertThat(string(httpGet, "path")).as("%s of %s", probe, service.name())
                        .isEqualTo(probe.equals("readinessProbe") ? "/actuator/health/readiness" : "/actuator/health/liveness");
                Object port = httpGet.get("port");
                assertThat(port instanceof Integer number ? number : ports.get(String.valueOf(port)))
                        .as("%s of %s asks the management port", probe, service.name()).isEqualTo(Repository.managementPort(service));
            }
            for (String kind : List.of("requests", "limits")) {
                assertThat(map(container, "resources", kind)).as("%s of %s", kind, service.name()).containsKeys("cpu", "memory");
            }
            assertThat(Yamls.at(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
            assertThat(map(container, "securityContext")).as(service.name())
                    .containsEntry("readOnlyRootFilesystem", true)
                    .containsEntry("allowPrivilegeEscalation", false);
            assertThat(list(container, "securityContext", "capabilities", "drop")).containsExactly("ALL");
            String tmpVolume = maps(container, "volumeMounts").stream().filter(mount -> "/tmp".equals(mount.get("mountPath")))
                    .map(mount -> (String) mount.get("name")).findFirst().orElseThrow(() -> new AssertionError(service.name() + " has no /tmp"));
            assertThat(maps(pod, "volumes")).anySatisfy(volume -> assertThat(volume).containsEntry("name", tmpVolume).containsKey("emptyDir"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceRunsItsImageOfThisVersion(String overlay) {
        Manifests manifests = manifests(overlay);
        assumeTrue(manifests.rendered(), "kubectl is not installed: the overlays' image tags are not applied");
        for (PlatformService service : Repository.deployed()) {
            Map<String, Object> pod = map(manifests.named("Deployment", service.name()), "spec", "template", "spec");
            assertThat(string(container(pod, service.name()), "image")).endsWith("camera-registry/" + service.name() + ":" + Repository.version());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceIsToldOnlySettingsItReadsAndGivenCredentialsThatExist(String overlay) {
        Manifests manifests = manifests(overlay);
        Set<String> kafkaUsers = manifests.ofKind("KafkaUser").stream().map(user -> string(user, "metadata", "name")).collect(Collectors.toSet());
        Set<String> mongoUsers = manifests.ofKind("MongoDBCommunity").stream().flatMap(mongo -> maps(mongo, "spec", "users").stream())
                .map(user -> "camera-registry-mongodb-admin-" + user.get("name")).collect(Collectors.toSet());
        for (PlatformService service : Repository.deployed()) {
            ServiceSettings settings = ServiceSettings.of(service.name());
            Map<String, Object> pod = map(manifests.named("Deployment", service.name()), "spec", "template", "spec");
            Map<String, Object> container = container(pod, service.name());
            for (Map<String, Object> variable : maps(container, "env")) {
                String name = (String) variable.get("name");
                assertThat(settings.settingOfEnvironmentVariable(name)).as("%s reads %s", service.name(), name).isPresent();
                if (name.matches(".*(PASSWORD|SECRET|SIGNINGKEY|JAAS).*")) {
                    assertThat(variable).as("%s of %s comes from a Secret, never written here", name, service.name())
                            .doesNotContainKey("value");
                }
                String secret = string(variable, "valueFrom", "secretKeyRef", "name");
                if (secret != null) {
                    assertThat(kafkaUsers.contains(secret) || mongoUsers.contains(secret))
                            .as("%s of %s comes from the Secret of a KafkaUser or a MongoDB user: %s", name, service.name(), secret).isTrue();
                }
            }
            for (Object argument : list(container, "args")) {
                Matcher setting = SETTING_ARGUMENT.matcher(argument.toString());
                assertThat(setting.matches()).as(argument.toString()).isTrue();
                assertThat(settings.settingOfProperty(setting.group(1))).as("%s reads %s", service.name(), setting.group(1)).isPresent();
            }
            boolean database = environment(container).contains("SPRING_MONGODB_URI");
            if (database) {
                String databaseName = ServiceSettings.inApplicationYaml(service.name(), "spring.mongodb.database").orElseThrow();
                Map<String, Object> user = manifests.ofKind("MongoDBCommunity").stream().flatMap(mongo -> maps(mongo, "spec", "users").stream())
                        .filter(candidate -> service.name().equals(candidate.get("name"))).findFirst().orElseThrow();
                assertThat(maps(user, "roles")).as("%s may use its own database only", service.name())
                        .allSatisfy(role -> assertThat(role).containsEntry("db", databaseName));
            }
        }
        assertThat(manifests.ofKind("Secret")).as("secrets are referenced, never written here").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kafkaRunsInKraftWithNodePoolsAndEveryTopicIsDeclared(String overlay) {
        Manifests manifests = manifests(overlay);
        Map<String, Object> kafka = manifests.named("Kafka", "camera-registry");
        assertThat(map(kafka, "metadata", "annotations")).containsEntry("strimzi.io/node-pools", "enabled")
                .containsEntry("strimzi.io/kraft", "enabled");
        assertThat(manifests.ofKind("KafkaNodePool").stream().flatMap(pool -> list(pool, "spec", "roles").stream()).toList())
                .contains("controller", "broker");

        Map<String, Map<String, Object>> topics = new HashMap<>();
        manifests.ofKind("KafkaTopic").forEach(topic -> topics.put(string(topic, "spec", "topicName"), topic));
        assertThat(topics.keySet()).containsAll(Topics.all()).containsExactlyInAnyOrderElementsOf(FLOWS.addresses());
        topics.forEach((name, topic) -> {
            int replicas = (Integer) Yamls.at(topic, "spec", "replicas");
            int inSync = Integer.parseInt(string(topic, "spec", "config", "min.insync.replicas"));
            assertThat((Integer) Yamls.at(topic, "spec", "partitions")).as(name).isEqualTo(3);
            assertThat(inSync).as(name).isLessThanOrEqualTo(replicas);
            if (overlay.equals("prod") || !manifests.rendered()) {
                assertThat(replicas).as("replicas of %s", name).isEqualTo(3);
                assertThat(inSync).as("min.insync.replicas of %s", name).isEqualTo(2);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachKafkaUserMayDoWhatTheEventContractsSayAndNoMore(String overlay) {
        Manifests manifests = manifests(overlay);
        for (String service : FLOWS.services()) {
            Map<String, Object> user = manifests.named("KafkaUser", service);
            Set<String> granted = new HashSet<>();
            for (Map<String, Object> acl : maps(user, "spec", "authorization", "acls")) {
                for (Object operation : list(acl, "operations")) {
                    if (!"Describe".equals(operation)) {
                        granted.add(operation + " " + string(acl, "resource", "type") + " " + string(acl, "resource", "patternType")
                                + " " + string(acl, "resource", "name"));
                    }
                }
            }
            Set<String> needed = new HashSet<>();
            for (EventFlows.Operation operation : FLOWS.of(service)) {
                needed.add((operation.sends() ? "Write" : "Read") + " topic literal " + operation.topic());
                if (!operation.sends()) {
                    needed.add("Read group " + (operation.sharedGroup() ? "literal " : "prefix ") + operation.group());
                }
            }
            assertThat(granted).as("what %s may do", service).containsExactlyInAnyOrderElementsOf(needed);
        }
        for (Map<String, Object> user : manifests.ofKind("KafkaUser")) {
            String name = string(user, "metadata", "name");
            assertThat(FLOWS.services()).as("%s is a sender or receiver of the event contracts", name).contains(name);
            for (Map<String, Object> acl : maps(user, "spec", "authorization", "acls")) {
                if (Topics.carryingAddresses().contains(string(acl, "resource", "name")) && list(acl, "operations").contains("Read")) {
                    assertThat(name).as("only notification-service reads the topics that carry addresses").isEqualTo("notification-service");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void aServiceInASharedConsumerGroupNeverScalesPastItsPartitions(String overlay) {
        Manifests manifests = manifests(overlay);
        Map<String, Integer> partitions = new HashMap<>();
        manifests.ofKind("KafkaTopic").forEach(topic -> partitions.put(string(topic, "spec", "topicName"), (Integer) Yamls.at(topic, "spec", "partitions")));
        for (PlatformService service : Repository.deployed()) {
            int fewest = FLOWS.of(service.name()).stream().filter(operation -> !operation.sends() && operation.sharedGroup())
                    .mapToInt(operation -> partitions.get(operation.topic())).min().orElse(Integer.MAX_VALUE);
            assertThat((Integer) Yamls.at(manifests.named("HorizontalPodAutoscaler", service.name()), "spec", "maxReplicas"))
                    .as("the most instances of %s", service.name()).isLessThanOrEqualTo(fewest);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void networkPoliciesDenyEverythingButThePlatformsFlows(String overlay) {
        Manifests manifests = manifests(overlay);
        List<Map<String, Object>> policies = manifests.ofKind("NetworkPolicy");
        assertThat(policies).anySatisfy(policy -> {
            assertThat(map(policy, "spec", "podSelector")).isEmpty();
            assertThat(list(policy, "spec", "policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(list(policy, "spec", "ingress")).isEmpty();
            assertThat(list(policy, "spec", "egress")).isEmpty();
        });

        Map<String, Map<String, String>> pods = new HashMap<>();
        Map<String, Set<String>> environments = new HashMap<>();
        for (PlatformService service : Repository.deployed()) {
            Map<String, Object> template = map(manifests.named("Deployment", service.name()), "spec", "template");
            pods.put(service.name(), labels(map(template, "metadata", "labels")));
            environments.put(service.name(), environment(container(map(template, "spec"), service.name())));
        }
        Set<String> expected = new HashSet<>();
        for (PlatformService service : ServiceCatalog.routed()) {
            expected.add("gateway -> " + service.name() + ":" + service.port());
        }
        for (PlatformService service : ServiceCatalog.services()) {
            // Every service checks tokens with the issuer's keys.
            expected.add(service.name() + " -> identity-service:" + ServiceCatalog.named("identity-service").orElseThrow().port());
        }
        Set<String> allowed = new HashSet<>();
        for (PlatformService from : Repository.deployed()) {
            for (PlatformService to : Repository.deployed()) {
                for (int port : Stream.of(to.port(), Repository.managementPort(to)).distinct().toList()) {
                    if (NetworkPolicies.allows(policies, pods.get(from.name()), pods.get(to.name()), port)) {
                        allowed.add(from.name() + " -> " + to.name() + ":" + port);
                    }
                }
            }
            boolean kafka = environments.get(from.name()).contains("SPRING_KAFKA_BOOTSTRAPSERVERS");
            assertThat(NetworkPolicies.allows(policies, pods.get(from.name()), KAFKA_BROKER, 9093))
                    .as("%s reaches Kafka exactly if it speaks Kafka", from.name()).isEqualTo(kafka);
            boolean mongo = environments.get(from.name()).contains("SPRING_MONGODB_URI");
            assertThat(NetworkPolicies.allows(policies, pods.get(from.name()), MONGODB_MEMBER, 27017))
                    .as("%s reaches MongoDB exactly if it has a database", from.name()).isEqualTo(mongo);
        }
        assertThat(allowed).as("flows between the platform's pods").containsExactlyInAnyOrderElementsOf(expected);
    }

    private static Map<String, Object> container(Map<String, Object> pod, String name) {
        return maps(pod, "containers").stream().filter(container -> name.equals(container.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name));
    }

    private static Set<String> environment(Map<String, Object> container) {
        return maps(container, "env").stream().map(variable -> (String) variable.get("name")).collect(Collectors.toSet());
    }

    private static Map<String, String> labels(Map<String, Object> labels) {
        Map<String, String> strings = new HashMap<>();
        labels.forEach((key, value) -> strings.put(key, String.valueOf(value)));
        return strings;
    }
}
