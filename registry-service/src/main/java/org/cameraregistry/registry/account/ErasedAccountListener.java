package org.cameraregistry.registry.account;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cameraregistry.events.EventCodec;
import org.cameraregistry.events.EventEnvelope;
import org.cameraregistry.events.Topics;
import org.cameraregistry.events.account.AccountErased;
import org.cameraregistry.registry.camera.CameraService;
import org.cameraregistry.registry.importing.CameraImports;
import org.cameraregistry.registry.pairing.PairingCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * An erased account's cameras are deleted, each publishing camera-deregistered so that geo-search
 * and notification-service forget it too, and its idempotency keys, import reports and pairing codes with them. One instance of the
 * registry takes each erasure (a consumer group shared by every instance); a second delivery finds
 * nothing left to delete. An event that cannot be read goes to {@code account-erased.registry.dlq}
 * ({@link EventFailures}).
 */
@Component
class ErasedAccountListener {

    private static final Logger log = LoggerFactory.getLogger(ErasedAccountListener.class);

    private final EventCodec codec;
    private final CameraService cameras;
    private final CameraImports imports;
    private final PairingCodes pairingCodes;

    ErasedAccountListener(EventCodec codec, CameraService cameras, CameraImports imports, PairingCodes pairingCodes) {
        this.codec = codec;
        this.cameras = cameras;
        this.imports = imports;
        this.pairingCodes = pairingCodes;
    }

    @KafkaListener(id = "erase-owners-cameras", groupId = "${registry.events.group:registry}", topics = Topics.ACCOUNT_ERASED)
    void eraseOwnersCameras(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<AccountErased> event = codec.read(record.value(), AccountErased.TYPE);
        AccountErased erased = event.data();
        event.requireAbout(record.key(), erased.accountId(), "accountId");
        int deleted = cameras.eraseOwner(erased.accountId(), erased.erasedAt());
        long reports = imports.forgetOwner(erased.accountId());
        pairingCodes.forgetOwner(erased.accountId());
        log.info("erased account {}: {} cameras deleted, {} import reports and its idempotency keys forgotten (event {})",
                erased.accountId(), deleted, reports, event.id());
    }
}
