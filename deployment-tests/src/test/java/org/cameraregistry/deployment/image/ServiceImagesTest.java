package org.cameraregistry.deployment.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.cameraregistry.catalog.PlatformService;
import org.cameraregistry.deployment.Repository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each service's Dockerfile, read: what every image of the platform must be. */
class ServiceImagesTest {

    static Stream<PlatformService> deployed() {
        return Repository.deployed().stream();
    }

    private static Dockerfile dockerfileOf(PlatformService service) {
        Path file = Repository.root().resolve(service.name()).resolve("Dockerfile");
        assertThat(file).as("every service and the gateway has a Dockerfile in its module").isRegularFile();
        return Dockerfile.read(file);
    }

    @ParameterizedTest
    @MethodSource("deployed")
    void isBuiltInStagesOnAJavaRuntime21(PlatformService service) {
        Dockerfile dockerfile = dockerfileOf(service);

        assertThat(dockerfile.stages()).as("a stage that takes the jar apart, and the image").hasSizeGreaterThanOrEqualTo(2);
        assertThat(dockerfile.image().base())
                .as("a Java 21 runtime, not a whole JDK, and never a moving tag")
                .startsWith("eclipse-temurin:21-jre")
                .doesNotContain("latest");
    }

    @ParameterizedTest
    @MethodSource("deployed")
    void takesTheRunnableJarOfTheVersionItIsTaggedWith(PlatformService service) {
        Dockerfile dockerfile = dockerfileOf(service);
        Dockerfile.Stage build = dockerfile.stages().getFirst();

        assertThat(build.all("ARG")).extracting(Dockerfile.Instruction::arguments).contains("VERSION");
        assertThat(build.all("COPY")).extracting(Dockerfile.Instruction::arguments)
                .anySatisfy(copy -> assertThat(copy).startsWith("target/" + service.name() + "-${VERSION}-exec.jar "));
    }

    @ParameterizedTest
    @MethodSource("deployed")
    void runsAsAUserWhoIsNotRoot(PlatformService service) {
        Dockerfile.Stage image = dockerfileOf(service).image();

        assertThat(image.last("USER")).as("USER, by number, so that Kubernetes can tell it is not root")
                .hasValueSatisfying(user -> assertThat(user.arguments()).matches("[1-9][0-9]*(:[1-9][0-9]*)?"));
    }

    @ParameterizedTest
    @MethodSource("deployed")
    void exposesItsPortsAndIsHealthyWhenReady(PlatformService service) {
        Dockerfile.Stage image = dockerfileOf(service).image();
        int management = Repository.managementPort(service);

        List<String> exposed = image.all("EXPOSE").stream()
                .flatMap(expose -> Arrays.stream(expose.arguments().split("\\s+"))).toList();
        assertThat(exposed).contains(Integer.toString(service.port()), Integer.toString(management));
        assertThat(image.last("HEALTHCHECK")).hasValueSatisfying(check -> assertThat(check.arguments())
                .contains("CMD [")
                .contains("127.0.0.1/" + management)
                .contains("/actuator/health/readiness"));
        assertThat(image.last("ENTRYPOINT")).as("exec form: the JVM is the container's first process and gets SIGTERM")
                .hasValueSatisfying(entrypoint -> assertThat(entrypoint.arguments()).startsWith("[\"java\""));
    }

    @ParameterizedTest
    @MethodSource("deployed")
    void leavesTheBuildOutputOutOfTheContext(PlatformService service) throws Exception {
        // Only target/*-exec.jar is copied; an ignore file keeps the rest of the module from being sent to the engine.
        Path ignore = Repository.root().resolve(service.name()).resolve(".dockerignore");

        assertThat(ignore).isRegularFile();
        assertThat(Files.readAllLines(ignore)).contains("*", "!target/*-exec.jar");
    }
}
