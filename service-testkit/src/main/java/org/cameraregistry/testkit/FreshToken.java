package org.cameraregistry.testkit;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * An access token signed in for once and again shortly before it expires (the platform's last
 * five minutes), for a test that calls a running stack for longer than that.
 */
public final class FreshToken implements Supplier<String> {

    private static final Duration REUSE_FOR = Duration.ofMinutes(4);

    private final Supplier<String> signIn;
    private String token;
    private long signedInAt;

    /** @param signIn signs in and answers a new access token */
    public FreshToken(Supplier<String> signIn) {
        this.signIn = signIn;
    }

    @Override
    public synchronized String get() {
        if (token == null || System.nanoTime() - signedInAt > REUSE_FOR.toNanos()) {
            token = signIn.get();
            signedInAt = System.nanoTime();
        }
        return token;
    }
}
