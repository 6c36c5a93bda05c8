package org.cameraregistry.notification.flow;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cameraregistry.events.EventEnvelope;
import org.cameraregistry.events.EventType;
import org.cameraregistry.events.access.LiveAccessOpened;
import org.cameraregistry.events.account.AccountEmailChangeRequested;
import org.cameraregistry.events.account.AccountEmailChanged;
import org.cameraregistry.events.account.AccountErased;
import org.cameraregistry.events.account.AccountRegistered;
import org.cameraregistry.events.account.AccountVerificationRequested;
import org.cameraregistry.events.account.StaffInvited;
import org.cameraregistry.events.camera.CameraDeregistered;
import org.cameraregistry.events.camera.CameraDetails;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraRegistered;
import org.cameraregistry.testkit.EventPublisher;

/** Publishes the events notification-service consumes, as their producers do. */
final class EventsOnKafka implements AutoCloseable {

    private final EventPublisher publisher;

    EventsOnKafka(String brokers) {
        publisher = new EventPublisher(brokers);
    }

    EventEnvelope<AccountRegistered> accountRegistered(UUID account, String email, String name, String locale) {
        return publish(AccountRegistered.TYPE, "/identity-service", account.toString(),
                new AccountRegistered(account, 1, email, name, locale, now()));
    }

    EventEnvelope<AccountEmailChangeRequested> emailChangeRequested(UUID account, String newEmail, String link) {
        return publish(AccountEmailChangeRequested.TYPE, "/identity-service", account.toString(),
                new AccountEmailChangeRequested(account, newEmail, URI.create(link), now().plus(Duration.ofDays(1)), now()));
    }

    EventEnvelope<AccountEmailChanged> emailChanged(UUID account, long version, String email) {
        return publish(AccountEmailChanged.TYPE, "/identity-service", account.toString(),
                new AccountEmailChanged(account, version, email, "Changed Name", "en", now()));
    }

    EventEnvelope<AccountVerificationRequested> verificationRequested(UUID account, String link) {
        return publish(AccountVerificationRequested.TYPE, "/identity-service", account.toString(),
                new AccountVerificationRequested(account, URI.create(link), now().plus(Duration.ofDays(1)), now()));
    }

    EventEnvelope<StaffInvited> staffInvited(UUID account, String departmentName, String link) {
        return publish(StaffInvited.TYPE, "/identity-service", account.toString(),
                new StaffInvited(account, "dallas", departmentName, URI.create(link), now().plus(Duration.ofDays(7)), now()));
    }

    EventEnvelope<AccountErased> erased(UUID account) {
        return publish(AccountErased.TYPE, "/identity-service", account.toString(), new AccountErased(account, now()));
    }

    EventEnvelope<CameraRegistered> cameraRegistered(UUID camera, UUID owner, String label) {
        return cameraRegistered(camera, owner, label, null);
    }

    /** A camera registered by an import of many, as the registry names it. */
    EventEnvelope<CameraRegistered> cameraRegistered(UUID camera, UUID owner, String label, UUID importId) {
        return publish(CameraRegistered.TYPE, "/registry-service", camera.toString(), new CameraRegistered(camera, 1,
                new CameraDetails(label, 32.78, -96.80, CameraLevel.LEVEL_2, null, null, Set.of(), false, null, false), now(),
                owner, importId));
    }

    EventEnvelope<CameraDeregistered> cameraDeregistered(UUID camera, UUID owner) {
        return publish(CameraDeregistered.TYPE, "/registry-service", camera.toString(),
                new CameraDeregistered(camera, 2, now(), owner));
    }

    EventEnvelope<LiveAccessOpened> liveAccessOpened(UUID owner, UUID camera) {
        UUID grant = UUID.randomUUID();
        return publish(LiveAccessOpened.TYPE, "/access-control-service", grant.toString(), new LiveAccessOpened(grant,
                camera, owner, "dallas-pd", "DPD-2026-" + grant.toString().substring(0, 6), now(),
                now().plus(Duration.ofMinutes(30))));
    }

    /** Publishes records read from a topic again, unchanged: a replay. */
    void replay(List<ConsumerRecord<String, byte[]>> records) {
        publisher.replay(records);
    }

    /** Publishes dead letters again on the topic they came from. */
    void replayOn(String topic, List<ConsumerRecord<String, byte[]>> deadLetters) {
        publisher.replayOn(topic, deadLetters);
    }

    void raw(String topic, String key, String payload) {
        publisher.raw(topic, key, payload);
    }

    private <T> EventEnvelope<T> publish(EventType<T> type, String source, String key, T data) {
        return publisher.publish(type, source, key, data);
    }

    private static Instant now() {
        return EventPublisher.now();
    }

    @Override
    public void close() {
        publisher.close();
    }
}
