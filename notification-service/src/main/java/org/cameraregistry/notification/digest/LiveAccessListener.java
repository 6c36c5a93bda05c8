package org.cameraregistry.notification.digest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cameraregistry.events.EventCodec;
import org.cameraregistry.events.EventEnvelope;
import org.cameraregistry.events.Topics;
import org.cameraregistry.events.access.LiveAccessOpened;
import org.cameraregistry.notification.NotificationProperties;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Gathers each live access opened on an owner's camera into the owner's digest window. */
@Component
class LiveAccessListener {

    private static final String GROUP = "${notification.events.group:notification}";

    private final EventCodec codec;
    private final LiveAccessDigests digests;
    private final NotificationProperties properties;

    LiveAccessListener(EventCodec codec, LiveAccessDigests digests, NotificationProperties properties) {
        this.codec = codec;
        this.digests = digests;
        this.properties = properties;
    }

    @KafkaListener(id = "gather-live-access-notices", groupId = GROUP, topics = Topics.LIVE_ACCESS_OPENED)
    void gatherLiveAccessNotice(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<LiveAccessOpened> event = codec.read(record.value(), LiveAccessOpened.TYPE);
        LiveAccessOpened opened = event.data();
        event.requireAbout(record.key(), opened.grantId(), "grantId");
        digests.add(opened.ownerId(), new LiveAccessNotice(event.id(), opened.cameraId(), opened.departmentId(),
                opened.incidentId(), opened.openedAt(), opened.expiresAt()), properties.digest().window());
    }
}
