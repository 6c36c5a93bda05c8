package org.cameraregistry.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every setting a service reads, as its runnable jar declares them: Spring Boot's configuration
 * metadata of each library in it (Spring Boot's own, Spring Kafka's...) and of the service's and the
 * chassis's {@code @ConfigurationProperties}. What a deployment file sets is held to it, in the
 * form it sets it: an environment variable ({@code SPRING_KAFKA_BOOTSTRAPSERVERS}) or a property.
 */
public final class ServiceSettings {

    private static final List<String> METADATA = List.of("META-INF/spring-configuration-metadata.json",
            "META-INF/additional-spring-configuration-metadata.json");
    private static final JsonMapper JSON = new JsonMapper();
    /** Each jar read once per test JVM: the compose and Kubernetes checks ask for every service's, more than once. */
    private static final Map<String, ServiceSettings> READ = new ConcurrentHashMap<>();

    /** Each setting's name and whether it is a map (whose keys are part of the names set under it). */
    private final Map<String, Boolean> settings;

    private ServiceSettings(Map<String, Boolean> settings) {
        this.settings = Map.copyOf(settings);
    }

    public static ServiceSettings of(String module) {
        return READ.computeIfAbsent(module, ServiceSettings::read);
    }

    private static ServiceSettings read(String module) {
        Map<String, Boolean> settings = new HashMap<>();
        try (ZipFile jar = new ZipFile(Repository.runnableJar(module).toFile())) {
            Enumeration<? extends ZipEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().startsWith("BOOT-INF/lib/") && entry.getName().endsWith(".jar")) {
                    readNested(jar.getInputStream(entry), settings);
                } else if (METADATA.contains(entry.getName())) {
                    // The service's own: Spring Boot's repackaging puts its META-INF at the jar's root.
                    read(jar.getInputStream(entry), settings);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServiceSettings(settings);
    }

    private static void readNested(InputStream library, Map<String, Boolean> settings) throws IOException {
        try (ZipInputStream entries = new ZipInputStream(library)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                if (METADATA.contains(entry.getName())) {
                    read(entries, settings);
                }
            }
        }
    }

    private static void read(InputStream metadata, Map<String, Boolean> settings) throws IOException {
        JsonNode properties = JSON.readTree(metadata.readAllBytes()).path("properties");
        for (JsonNode property : properties) {
            String type = property.path("type").asString("");
            settings.merge(property.path("name").asString(), type.startsWith("java.util.Map<"), Boolean::logicalOr);
        }
    }

    /** A setting's value in the service's own application.yml, such as its database's name; empty if it sets none. */
    public static Optional<String> inApplicationYaml(String module, String setting) {
        try (ZipFile jar = new ZipFile(Repository.runnableJar(module).toFile())) {
            ZipEntry entry = jar.getEntry("BOOT-INF/classes/application.yml");
            if (entry == null) {
                return Optional.empty();
            }
            Object node = new Yaml().load(jar.getInputStream(entry));
            for (String step : setting.split("\\.")) {
                node = node instanceof Map<?, ?> map ? map.get(step) : null;
            }
            return Optional.ofNullable(node).map(Object::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The setting this property names, if the service reads it: itself, or the map it is a key of. */
    public Optional<String> settingOfProperty(String property) {
        String canonical = property.toLowerCase(Locale.ROOT);
        if (settings.containsKey(canonical)) {
            return Optional.of(canonical);
        }
        return settings.entrySet().stream()
                .filter(setting -> setting.getValue() && canonical.startsWith(setting.getKey() + "."))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /**
     * The setting this environment variable sets, if the service reads it, by Spring Boot's relaxed
     * binding: the setting itself, or a map it puts a key in ({@code SPRING_KAFKA_PROPERTIES_SASL_MECHANISM}
     * is {@code sasl.mechanism} of {@code spring.kafka.properties}; a key with a dash cannot be written so).
     */
    public Optional<String> settingOfEnvironmentVariable(String variable) {
        return settings.entrySet().stream()
                .filter(setting -> asEnvironmentVariable(setting.getKey()).equals(variable)
                        || setting.getValue() && variable.startsWith(asEnvironmentVariable(setting.getKey()) + "_"))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** {@code spring.kafka.bootstrap-servers} as an environment variable: {@code SPRING_KAFKA_BOOTSTRAPSERVERS}. */
    public static String asEnvironmentVariable(String setting) {
        return setting.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
    }
}
