package org.cameraregistry.localstack;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cameraregistry.localstack.services.ServiceProcess;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The whole platform, started once for every test class of this module that asks for it (a
 * parameter of type RunningStack), and stopped after the last: two instances of the registry and of
 * geo-search, the demo city, no call to a third-party service. Stopping it checks that no process
 * outlives it.
 */
final class RunningStack implements AutoCloseable {

    static final int DEMO_CAMERAS = 60;
    static final Map<String, Integer> INSTANCES = Map.of("registry-service", 2, "geo-search-service", 2);

    final LocalStack stack;
    final StackPorts ports;
    /** Where the portal looks addresses up: a stand-in for the US Census geocoder, answering as each test says. */
    final WireMockServer census;
    /** Everything the stack printed, as a newcomer's terminal shows it. */
    final ByteArrayOutputStream console;
    private final List<ServiceProcess> started;

    private RunningStack(LocalStack stack, StackPorts ports, WireMockServer census, ByteArrayOutputStream console) {
        this.stack = stack;
        this.ports = ports;
        this.census = census;
        this.console = console;
        this.started = stack.services();
    }

    private static RunningStack start() {
        try {
            Path data = Files.createTempDirectory(Path.of("target"), "local-stack-it-");
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            PrintStream console = new PrintStream(new TeeOutputStream(System.out, copy), true, StandardCharsets.UTF_8);
            StackPorts ports = StackPorts.free(INSTANCES);
            WireMockServer census = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
            census.start();
            // No test reaches a third-party service: the breached-password check is identity-service's tests'
            // (on a stub), the maps show no tiles (they still take a pin), and addresses are looked up on a stub.
            LocalStack stack = LocalStack.start(new StackOptions(data, Path.of(System.getProperty("local-stack.services-dir")),
                    ports, DEMO_CAMERAS, Map.of(
                            "identity-service", List.of("--identity.passwords.breached.enabled=false"),
                            // As containers log (docker-compose.yml, k8s/): one JSON object a line, with its trace id.
                            "geo-search-service", List.of("--logging.structured.format.console=ecs"),
                            "gateway", List.of("--gateway.portal.map.tile-url=",
                                    "--gateway.portal.geocoder.census-url=" + census.baseUrl()))), console);
            return new RunningStack(stack, ports, census, copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stack.close();
        census.stop();
        List<String> alive = java.util.stream.Stream.concat(started.stream(), stack.services().stream())
                .filter(ServiceProcess::isAlive).map(service -> service.spec().label()).toList();
        if (!alive.isEmpty()) {
            throw new AssertionError("still running after the stack stopped: " + alive);
        }
    }

    /** Gives a test class the stack, starting it for the first. */
    static final class Shared implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
            return parameter.getParameter().getType() == RunningStack.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
            return extension.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent(RunningStack.class, key -> start(), RunningStack.class);
        }
    }

    /** Writes to the console and keeps a copy for the assertions. */
    private static final class TeeOutputStream extends OutputStream {

        private final OutputStream first;
        private final OutputStream second;

        TeeOutputStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }

        @Override
        public synchronized void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }
}
