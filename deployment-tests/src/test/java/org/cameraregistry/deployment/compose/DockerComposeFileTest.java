package org.cameraregistry.deployment.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cameraregistry.catalog.PlatformService;
import org.cameraregistry.catalog.ServiceCatalog;
import org.cameraregistry.deployment.InstalledCommands;
import org.cameraregistry.deployment.Repository;
import org.cameraregistry.deployment.ServiceSettings;
import org.cameraregistry.events.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml, read as Docker Compose reads it (YAML with its anchors and merge keys), held
 * to the services as they are built: every service there, on its image of this version, told only
 * settings it reads, started after what it needs is healthy, and given no secret in the file.
 */
class DockerComposeFileTest {

    private static final Path FILE = Repository.root().resolve("docker-compose.yml");
    /** The services' settings that are secrets: each made by the secrets step, never written in the file. */
    private static final Map<String, String> SECRETS = Map.of(
            "gateway.browser.client-secret", "gateway",
            "identity.clients.gateway.secret", "identity-service",
            "identity.signing-keys.encryption-password", "identity-service",
            "notification.unsubscribe.signing-key", "notification-service");
    private static final Set<String> ONE_SHOTS = Set.of("kafka-topics", "secrets", "demo-data");
    private static final Pattern SETTING_ARGUMENT = Pattern.compile("--([a-z0-9.\\-\\[\\]]+)=(.*)");

    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        try (Reader reader = Files.newBufferedReader(FILE)) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    static Stream<PlatformService> deployed() {
        return Repository.deployed().stream();
    }

    @ParameterizedTest
    @MethodSource("deployed")
    void runsEveryServiceOnItsImageOfThisVersion(PlatformService service) {
        assertThat(services).containsKey(service.name());
        assertThat(services.get(service.name()).get("image")).isEqualTo(
                "camera-registry/" + service.name() + ":${CAMERA_REGISTRY_VERSION:-" + Repository.version() + "}");
        assertThat(Repository.root().resolve(service.name()).resolve("Dockerfile")).as("built by the images profile").isRegularFile();
    }

    @Test
    void loadsTheDemoDataWithTheLocalStacksImageOfThisVersion() {
        Map<String, Object> demo = services.get("demo-data");

        assertThat(demo.get("image")).isEqualTo("camera-registry/local-stack:${CAMERA_REGISTRY_VERSION:-" + Repository.version() + "}");
        assertThat(Repository.root().resolve("local-stack/Dockerfile")).isRegularFile();
        assertThat(demo.get("network_mode")).as("identity-service opens accounts for its own host only")
                .isEqualTo("service:identity-service");
        assertThat(strings(demo.get("command"))).contains("--identity=http://localhost:" + port("identity-service"),
                "--gateway=http://gateway:" + ServiceCatalog.GATEWAY.port(),
                "--search=http://geo-search-service:" + port("geo-search-service"));
    }

    @ParameterizedTest
    @MethodSource("deployed")
    void setsOnlySettingsTheServiceReads(PlatformService service) {
        ServiceSettings settings = ServiceSettings.of(service.name());
        Map<String, Object> container = services.get(service.name());

        assertThat(environment(container).keySet()).isNotEmpty().allSatisfy(variable ->
                assertThat(settings.settingOfEnvironmentVariable(variable))
                        .as("%s reads a setting that %s sets", service.name(), variable).isPresent());
        for (String argument : strings(container.getOrDefault("command", List.of()))) {
            Matcher setting = SETTING_ARGUMENT.matcher(argument);
            assertThat(setting.matches()).as("a command argument is a setting: " + argument).isTrue();
            assertThat(settings.settingOfProperty(setting.group(1))).as("%s reads %s", service.name(), setting.group(1)).isPresent();
        }
    }

    @Test
    void theSettingsCheckTellsASettingNoServiceReads() {
        ServiceSettings registry = ServiceSettings.of("registry-service");

        assertThat(registry.settingOfEnvironmentVariable("SPRING_KAFKA_BOOTSTRAPSERVERS")).contains("spring.kafka.bootstrap-servers");
        assertThat(registry.settingOfEnvironmentVariable("SPRING_KAFKA_BOOTSTRAP_SERVERS")).as("a misspelt name").isEmpty();
        assertThat(registry.settingOfEnvironmentVariable("GATEWAY_BROWSER_ISSUER")).as("another service's").isEmpty();
        assertThat(ServiceSettings.of("gateway").settingOfProperty("gateway.services.registry-service")).contains("gateway.services");
    }

    @Test
    void pointsEveryServiceAtKafkaMongodbAndTheIssuerInsideTheNetwork() {
        for (String name : List.of("registry-service", "geo-search-service", "notification-service", "identity-service")) {
            Map<String, String> environment = environment(services.get(name));
            assertThat(environment).as(name)
                    .containsEntry("SPRING_KAFKA_BOOTSTRAPSERVERS", "kafka:9092")
                    .containsEntry("SERVICE_INSTANCEID", name + "-1");
            assertThat(environment.get("SPRING_MONGODB_URI")).as(name).startsWith("mongodb://mongodb:27017/").contains("replicaSet=rs0");
        }
        for (PlatformService service : ServiceCatalog.services()) {
            Map<String, String> environment = environment(services.get(service.name()));
            assertThat(environment.getOrDefault("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI",
                    service.name().equals("identity-service") ? "its own" : null))
                    .as("%s fetches the issuer's keys inside the network", service.name())
                    .isIn("http://identity-service:" + port("identity-service") + "/oauth2/jwks", "its own");
        }
        assertThat(environment(services.get("gateway"))).containsEntry("GATEWAY_BROWSER_PROVIDERURL",
                "http://identity-service:" + port("identity-service"));
    }

    @Test
    void theGatewayRoutesToEveryServiceAtItsPortAndPublishesItsOwn() {
        List<String> command = strings(services.get("gateway").get("command"));

        for (PlatformService service : ServiceCatalog.services()) {
            assertThat(command).contains("--gateway.services." + service.name() + "=http://" + service.name() + ":" + service.port());
        }
        assertThat(strings(services.get("gateway").get("ports"))).containsExactlyInAnyOrder(
                "127.0.0.1:8080:" + ServiceCatalog.GATEWAY.port(),
                "127.0.0.1:8090:" + ServiceCatalog.GATEWAY_MANAGEMENT_PORT);
        assertThat(strings(services.get("identity-service").get("ports"))).as("browsers sign in at the issuer")
                .containsExactly("127.0.0.1:8086:" + port("identity-service"));
    }

    @Test
    void publishesPortsOnTheLoopbackAddressOnly() {
        services.forEach((name, container) -> assertThat(strings(container.getOrDefault("ports", List.of())))
                .as(name).allSatisfy(port -> assertThat(port).startsWith("127.0.0.1:")));
    }

    @Test
    void startsEachServiceAfterWhatItNeedsIsHealthyOrDone() {
        services.forEach((name, container) -> dependencies(container).forEach((dependency, condition) -> {
            assertThat(services).as("%s depends on %s", name, dependency).containsKey(dependency);
            if (ONE_SHOTS.contains(dependency)) {
                assertThat(condition).as("%s waits for %s to finish", name, dependency).isEqualTo("service_completed_successfully");
            } else {
                assertThat(condition).as("%s waits for %s to be healthy", name, dependency).isEqualTo("service_healthy");
                assertThat(hasHealthCheck(dependency)).as("%s has a health check", dependency).isTrue();
            }
        }));
        for (PlatformService service : ServiceCatalog.services()) {
            assertThat(dependencies(services.get("gateway"))).as("the gateway starts after every service")
                    .containsEntry(service.name(), "service_healthy");
        }
        assertThat(dependencies(services.get("demo-data"))).containsEntry("gateway", "service_healthy");
    }

    @Test
    void createsEveryTopicOfTheEventContracts() {
        String script = strings(services.get("kafka-topics").get("command")).getFirst();
        Matcher list = Pattern.compile("for topic in (.*?); do", Pattern.DOTALL).matcher(script);

        assertThat(list.find()).isTrue();
        assertThat(list.group(1).replace("\\", " ").trim().split("\\s+")).containsExactlyInAnyOrderElementsOf(Topics.all());
    }

    @Test
    void writesNoSecretAndGivesEachServiceItsOwnFromTheSecretsVolume() {
        services.forEach((name, container) -> {
            environment(container).forEach((variable, value) -> assertThat(variable).as("%s in %s", variable, name)
                    .doesNotContainPattern("(?i)secret|password|signingkey|privatekey|token"));
            strings(container.getOrDefault("command", List.of())).stream().map(SETTING_ARGUMENT::matcher)
                    .filter(Matcher::matches).forEach(setting -> assertThat(setting.group(1)).as("--%s for %s", setting.group(1), name)
                            .doesNotContainPattern("(?i)secret|password|signing-key|private-key|token"));
        });
        String madeBySecrets = strings(services.get("secrets").get("command")).getFirst();
        SECRETS.forEach((setting, service) -> {
            assertThat(madeBySecrets).as("the secrets step makes %s for %s", setting, service)
                    .contains("/secrets/" + service + "/" + setting);
            Map<String, Object> container = services.get(service);
            assertThat(environment(container)).containsEntry("SPRING_CONFIG_IMPORT", "configtree:/run/secrets/camera-registry/");
            assertThat(volumes(container)).anySatisfy(volume -> {
                assertThat(volume).containsEntry("source", "secrets").containsEntry("target", "/run/secrets/camera-registry")
                        .containsEntry("read_only", true);
                assertThat(volume.get("volume")).isEqualTo(Map.of("subpath", service));
            });
        });
        assertThat(services).allSatisfy((name, container) -> {
            if (!SECRETS.containsValue(name) && !name.equals("secrets")) {
                assertThat(volumes(container)).as("%s sees no secret", name)
                        .noneSatisfy(volume -> assertThat(volume.get("source")).isEqualTo("secrets"));
            }
        });
    }

    @Test
    void isValidForDockerComposeWhereItIsInstalled() throws Exception {
        assumeTrue(InstalledCommands.answer("docker", "compose", "version"), "no Docker Compose client on this machine: `docker compose config` not run");
        Process config = new ProcessBuilder("docker", "compose", "--file", FILE.toString(), "config", "--quiet")
                .redirectErrorStream(true).start();
        String output = new String(config.getInputStream().readAllBytes());

        assertThat(config.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(config.exitValue()).as(output).isZero();
    }

    /** A health check in the file, or in the image's Dockerfile for the platform's own images. */
    private static boolean hasHealthCheck(String service) {
        if (services.get(service).containsKey("healthcheck")) {
            return true;
        }
        Path dockerfile = Repository.root().resolve(service).resolve("Dockerfile");
        try {
            return Files.isRegularFile(dockerfile) && Files.readString(dockerfile).contains("\nHEALTHCHECK ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int port(String service) {
        return ServiceCatalog.named(service).orElseThrow().port();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> dependencies(Map<String, Object> container) {
        Object dependsOn = container.getOrDefault("depends_on", Map.of());
        assertThat(dependsOn).as("depends_on in its long form, with a condition each").isInstanceOf(Map.class);
        Map<String, String> conditions = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) dependsOn).forEach((name, options) -> conditions.put(name, (String) options.get("condition")));
        return conditions;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(Map<String, Object> container) {
        Map<String, String> environment = new LinkedHashMap<>();
        ((Map<String, Object>) container.getOrDefault("environment", Map.of()))
                .forEach((name, value) -> environment.put(name, String.valueOf(value)));
        return environment;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> volumes(Map<String, Object> container) {
        List<Map<String, Object>> volumes = new ArrayList<>();
        for (Object volume : (List<Object>) container.getOrDefault("volumes", List.of())) {
            if (volume instanceof Map<?, ?> longForm) {
                volumes.add((Map<String, Object>) longForm);
            } else {
                String[] parts = volume.toString().split(":");
                volumes.add(Map.of("source", parts[0], "target", parts[1]));
            }
        }
        return volumes;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object list) {
        return ((List<Object>) list).stream().map(String::valueOf).toList();
    }
}
