package org.cameraregistry.notification.delivery;

import java.util.UUID;

/**
 * An event names an account whose contact details have not arrived yet: they travel on another
 * topic, so they may come a moment later. The event is retried a bounded number of times.
 */
public class AwaitingAccountException extends RuntimeException {

    public AwaitingAccountException(UUID accountId) {
        super("no contact details for account " + accountId + " yet");
    }
}
