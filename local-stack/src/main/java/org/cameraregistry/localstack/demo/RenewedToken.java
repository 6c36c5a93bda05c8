package org.cameraregistry.localstack.demo;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A demo account's access token, taken again every three minutes in the background (tokens last
 * five), so that a long import, wait or load driver always has a valid one without ever waiting
 * for a sign-in.
 */
public final class RenewedToken implements Supplier<String>, AutoCloseable {

    private static final long RENEW_EVERY_SECONDS = 180;

    private final ScheduledExecutorService renewal = Executors.newSingleThreadScheduledExecutor(runnable ->
            Thread.ofPlatform().daemon().name("token-renewal").unstarted(runnable));
    private volatile String token;

    public RenewedToken(Supplier<String> signIn) {
        token = signIn.get();
        renewal.scheduleAtFixedRate(() -> token = signIn.get(), RENEW_EVERY_SECONDS, RENEW_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public String get() {
        return token;
    }

    @Override
    public void close() {
        renewal.shutdownNow();
    }
}
