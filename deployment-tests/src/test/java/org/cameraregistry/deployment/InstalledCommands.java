package org.cameraregistry.deployment;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Whether a command-line tool the checks can use (kubectl, Docker Compose) is installed here. */
public final class InstalledCommands {

    private InstalledCommands() {
    }

    /** Whether the command runs and exits 0 within 30 s, such as {@code kubectl version --client}. */
    public static boolean answer(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
