package org.cameraregistry.localstack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.cameraregistry.localstack.demo.DallasDemoCameras;
import org.cameraregistry.localstack.demo.DemoAccounts;

/**
 * {@code java -jar local-stack.jar [options]}: starts the platform, says where it is, and runs
 * until Ctrl-C (or SIGTERM), which stops everything it started.
 */
public final class LocalStackCommand {

    private LocalStackCommand() {
    }

    public static void main(String[] args) throws InterruptedException {
        StackOptions options;
        try {
            options = StackOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        PrintStream console = System.out;
        console.println("Community Camera Registry: starting the local stack");
        long started = System.nanoTime();
        // Stopped by Ctrl-C at any moment, whatever has started by then (LocalStack's shutdown hook).
        LocalStack stack = new LocalStack(options, console);
        try {
            stack.startAll();
        } catch (RuntimeException e) {
            System.err.println("The local stack could not start: " + e.getMessage());
            System.exit(1);
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        console.printf("""

                Ready in %d s.
                  Gateway (the API):  %s (every /api/ call needs a bearer token, or a browser's session)
                  Sign-in (issuer):   %s
                  In a browser:       %s/oauth2/authorization/camera-registry
                  A token:            TOKEN=$(echo %s | java -jar camera-cli/target/camera-cli-exec.jar token %s --password-stdin)
                  Try:                curl '%s/api/search/nearest?lat=%s&lon=%s&limit=5' -H "Authorization: Bearer $TOKEN"
                  Demo accounts:      README.md, "Try it"
                  Emails sent:        %s
                  Gateway health:     %s/actuator/health
                  Data:               %s (start with --reset for a fresh city)
                  Logs:               %s
                Services that stop by themselves are restarted. Press Ctrl-C to stop everything.
                """, seconds, stack.gatewayUrl(), stack.identityUrl(), stack.gatewayUrl(), DemoAccounts.PASSWORD, DemoAccounts.INVESTIGATOR,
                stack.gatewayUrl(), DallasDemoCameras.CENTER_LATITUDE,
                DallasDemoCameras.CENTER_LONGITUDE, stack.mailCatcherUrl(), stack.gatewayManagementUrl(),
                options.dataDirectory().toAbsolutePath(), options.dataDirectory().resolve("logs").toAbsolutePath());
        new CountDownLatch(1).await();
    }
}
