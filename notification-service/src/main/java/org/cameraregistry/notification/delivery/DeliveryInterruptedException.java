package org.cameraregistry.notification.delivery;

/**
 * The service began to stop while an email was being retried: the event is neither acknowledged nor
 * dead-lettered, so that it is read again, and the email sent, after the restart.
 */
public class DeliveryInterruptedException extends RuntimeException {

    public DeliveryInterruptedException(String notificationId, Throwable lastFailure) {
        super("email " + notificationId + " left for the next start: the service is stopping", lastFailure);
    }
}
