package org.cameraregistry.notification.delivery;

/** The mail server kept failing for a passing reason until every attempt was spent: the event is dead-lettered. */
public class RetriesSpentException extends RuntimeException {

    public RetriesSpentException(String notificationId, Throwable lastFailure) {
        super("email " + notificationId + " not delivered, every attempt spent: " + lastFailure.getMessage(), lastFailure);
    }
}
