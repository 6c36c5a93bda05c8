package org.cameraregistry.notification.delivery;

/** Another instance is sending this email right now; the event is retried later and then finds it sent. */
public class DeliveryInProgressException extends RuntimeException {

    public DeliveryInProgressException(String notificationId) {
        super("email " + notificationId + " is being sent elsewhere");
    }
}
