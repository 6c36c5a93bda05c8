package org.cameraregistry.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.testkit.TestIssuer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A registry instance of its own for a test that needs particular settings (a database of its
 * own, a relay that is off, a second instance), on the shared broker and wire server by default.
 */
public final class RunningRegistry implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final ApiClient api;

    private RunningRegistry(ConfigurableApplicationContext context) {
        this.context = context;
        this.api = new ApiClient(url()).as(TestIssuer.shared().owner());
    }

    /** Starts the registry on {@code database}; {@code settings} (as {@code --name=value}) override anything. */
    public static RunningRegistry start(String database, String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.mongodb.uri=" + TestInfrastructure.INFRASTRUCTURE.mongoUri(),
                "--spring.mongodb.database=" + database,
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.INFRASTRUCTURE.kafkaBrokers()));
        arguments.addAll(List.of(TestIssuer.shared().serviceArguments()));
        // A setting named twice on a command line is read as both values joined: drop the default.
        for (String setting : settings) {
            String name = setting.substring(0, setting.indexOf('=') + 1);
            arguments.removeIf(argument -> argument.startsWith(name));
            arguments.add(setting);
        }
        return new RunningRegistry(new SpringApplicationBuilder(RegistryApplication.class)
                .run(arguments.toArray(String[]::new)));
    }

    public String url() {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    public ApiClient api() {
        return api;
    }

    /** The beans of a type the instance made (none, one, or more). */
    public <T> Collection<T> beans(Class<T> type) {
        return context.getBeansOfType(type).values();
    }

    public MongoDatabase database() {
        return context.getBean(MongoDatabase.class);
    }

    /** Registers a camera as an owner would, always the same owner; its id. */
    public String register(String label) {
        ApiClient.Response created = api.post("/api/cameras",
                "{\"label\":\"" + label + "\",\"latitude\":32.78,\"longitude\":-96.8,\"level\":\"LEVEL_1\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    /** One value of the Prometheus endpoint, such as {@code outbox_lease_held}. */
    public double metric(String name) {
        return api.get("/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no metric " + name));
    }

    @Override
    public void close() {
        context.close();
    }
}
