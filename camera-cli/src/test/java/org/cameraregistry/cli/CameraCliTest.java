package org.cameraregistry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CameraCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aCommandItDoesNotKnowIsRefusedWithTheUsage() {
        int status = run("login", "someone@example.org");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("expected: token EMAIL").contains("usage:");
        assertThat(out.size()).isZero();
    }

    @Test
    void anIssuerOptionWithoutAValueIsRefused() {
        assertThat(run("token", "someone@example.org", "--issuer")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--issuer needs a URL");
    }

    @Test
    void helpGoesToStandardOutput() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage:").contains(CameraCli.DEFAULT_ISSUER);
    }

    @Test
    void anUnreachableProviderIsSaidInWords() {
        System.setIn(new ByteArrayInputStream("a-password-long-enough\n".getBytes(StandardCharsets.UTF_8)));

        int status = run("token", "someone@example.org", "--password-stdin", "--issuer", "http://127.0.0.1:9");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("camera-cli: Could not reach http://127.0.0.1:9");
    }

    private int run(String... args) {
        return CameraCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
