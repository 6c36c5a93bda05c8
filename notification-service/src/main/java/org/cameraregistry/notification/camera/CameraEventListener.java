package org.cameraregistry.notification.camera;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cameraregistry.events.EventCodec;
import org.cameraregistry.events.EventEnvelope;
import org.cameraregistry.events.Topics;
import org.cameraregistry.events.camera.CameraDeregistered;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraRegistered;
import org.cameraregistry.notification.delivery.Notification;
import org.cameraregistry.notification.delivery.NotificationKind;
import org.cameraregistry.notification.delivery.Notifier;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Tells an owner that their camera is registered or deleted; a camera without an owner account tells nobody. */
@Component
class CameraEventListener {

    private static final String GROUP = "${notification.events.group:notification}";

    private final EventCodec codec;
    private final Notifier notifier;

    CameraEventListener(EventCodec codec, Notifier notifier) {
        this.codec = codec;
        this.notifier = notifier;
    }

    @KafkaListener(id = "email-registered-cameras", groupId = GROUP, topics = Topics.CAMERA_REGISTERED)
    void emailRegisteredCamera(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<CameraRegistered> event = codec.read(record.value(), CameraRegistered.TYPE);
        CameraRegistered registered = event.data();
        event.requireAbout(record.key(), registered.cameraId(), "cameraId");
        // A camera from an imported file is not emailed on its own: its owner follows the import's report.
        if (registered.ownerId() != null && registered.importId() == null) {
            notifier.send(Notification.about(event.id(), registered.ownerId(), NotificationKind.CAMERA_REGISTERED,
                    Map.of("label", registered.camera().label(), "cameraId", registered.cameraId(),
                            "level2", registered.camera().level() == CameraLevel.LEVEL_2)), Duration.ZERO);
        }
    }

    @KafkaListener(id = "email-deleted-cameras", groupId = GROUP, topics = Topics.CAMERA_DEREGISTERED)
    void emailDeletedCamera(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<CameraDeregistered> event = codec.read(record.value(), CameraDeregistered.TYPE);
        CameraDeregistered deregistered = event.data();
        event.requireAbout(record.key(), deregistered.cameraId(), "cameraId");
        if (deregistered.ownerId() != null) {
            notifier.send(Notification.about(event.id(), deregistered.ownerId(), NotificationKind.CAMERA_DELETED,
                    Map.of("cameraId", deregistered.cameraId())), Duration.ZERO);
        }
    }
}
