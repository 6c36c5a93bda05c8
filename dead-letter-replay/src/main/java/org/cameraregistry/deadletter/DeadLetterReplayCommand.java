package org.cameraregistry.deadletter;

/**
 * {@code java -jar dead-letter-replay-exec.jar --bootstrap-servers=... --topic=<topic>.<group>.dlq (--all | --offsets=...)}:
 * see {@link ReplayOptions#USAGE} and docs/runbook.md ("Replaying dead letters").
 */
public final class DeadLetterReplayCommand {

    private DeadLetterReplayCommand() {
    }

    public static void main(String[] args) {
        ReplayOptions options;
        try {
            options = ReplayOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            new DeadLetterReplay(options, System.out).run();
        } catch (RuntimeException e) {
            System.err.println("Replay failed: " + e.getMessage());
            System.exit(1);
        }
    }
}
