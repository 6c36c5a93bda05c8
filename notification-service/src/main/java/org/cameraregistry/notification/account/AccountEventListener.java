package org.cameraregistry.notification.account;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cameraregistry.events.EventCodec;
import org.cameraregistry.events.EventEnvelope;
import org.cameraregistry.events.Topics;
import org.cameraregistry.events.account.AccountEmailChanged;
import org.cameraregistry.events.account.AccountErased;
import org.cameraregistry.events.account.AccountRegistered;
import org.cameraregistry.events.account.AccountVerificationRequested;
import org.cameraregistry.events.account.PasswordResetRequested;
import org.cameraregistry.events.account.StaffInvited;
import org.cameraregistry.notification.delivery.Notification;
import org.cameraregistry.notification.delivery.NotificationKind;
import org.cameraregistry.notification.delivery.Notifier;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The account topics: contact details kept, verification, reset and invitation links emailed, erasures carried
 * out. Each event is read against its schema first; one that cannot be read goes to the dead-letter
 * topic (see {@link org.cameraregistry.notification.delivery.DeadLetters}).
 */
@Component
class AccountEventListener {

    private static final String GROUP = "${notification.events.group:notification}";

    private final EventCodec codec;
    private final ContactStore contacts;
    private final Notifier notifier;
    private final Erasure erasure;

    AccountEventListener(EventCodec codec, ContactStore contacts, Notifier notifier, Erasure erasure) {
        this.codec = codec;
        this.contacts = contacts;
        this.notifier = notifier;
        this.erasure = erasure;
    }

    @KafkaListener(id = "keep-registered-contacts", groupId = GROUP, topics = Topics.ACCOUNT_REGISTERED)
    void keepRegisteredContact(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<AccountRegistered> event = codec.read(record.value(), AccountRegistered.TYPE);
        AccountRegistered registered = event.data();
        event.requireAbout(record.key(), registered.accountId(), "accountId");
        contacts.save(new Contact(registered.accountId(), registered.version(), registered.email(),
                registered.displayName(), Locale.forLanguageTag(registered.locale())));
    }

    @KafkaListener(id = "keep-changed-contacts", groupId = GROUP, topics = Topics.ACCOUNT_EMAIL_CHANGED)
    void keepChangedContact(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<AccountEmailChanged> event = codec.read(record.value(), AccountEmailChanged.TYPE);
        AccountEmailChanged changed = event.data();
        event.requireAbout(record.key(), changed.accountId(), "accountId");
        contacts.save(new Contact(changed.accountId(), changed.version(), changed.email(), changed.displayName(),
                Locale.forLanguageTag(changed.locale())));
    }

    @KafkaListener(id = "email-verification-links", groupId = GROUP, topics = Topics.ACCOUNT_VERIFICATION_REQUESTED)
    void emailVerificationLink(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<AccountVerificationRequested> event = codec.read(record.value(), AccountVerificationRequested.TYPE);
        AccountVerificationRequested requested = event.data();
        event.requireAbout(record.key(), requested.accountId(), "accountId");
        notifier.send(Notification.about(event.id(), requested.accountId(), NotificationKind.ACCOUNT_VERIFICATION,
                Map.of("link", requested.link(), "expiresAt", requested.expiresAt())), Duration.ZERO);
    }

    @KafkaListener(id = "email-password-reset-links", groupId = GROUP, topics = Topics.PASSWORD_RESET_REQUESTED)
    void emailPasswordResetLink(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<PasswordResetRequested> event = codec.read(record.value(), PasswordResetRequested.TYPE);
        PasswordResetRequested requested = event.data();
        event.requireAbout(record.key(), requested.accountId(), "accountId");
        notifier.send(Notification.about(event.id(), requested.accountId(), NotificationKind.PASSWORD_RESET,
                Map.of("link", requested.link(), "expiresAt", requested.expiresAt())), Duration.ZERO);
    }

    @KafkaListener(id = "email-staff-invitations", groupId = GROUP, topics = Topics.STAFF_INVITED)
    void emailStaffInvitation(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<StaffInvited> event = codec.read(record.value(), StaffInvited.TYPE);
        StaffInvited invited = event.data();
        event.requireAbout(record.key(), invited.accountId(), "accountId");
        notifier.send(Notification.about(event.id(), invited.accountId(), NotificationKind.STAFF_INVITATION,
                Map.of("link", invited.link(), "expiresAt", invited.expiresAt(), "department", invited.departmentName())),
                Duration.ZERO);
    }

    @KafkaListener(id = "forget-erased-accounts", groupId = GROUP, topics = Topics.ACCOUNT_ERASED)
    void forgetErasedAccount(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<AccountErased> event = codec.read(record.value(), AccountErased.TYPE);
        AccountErased erased = event.data();
        event.requireAbout(record.key(), erased.accountId(), "accountId");
        erasure.erase(event.id(), erased.accountId(), erased.erasedAt());
    }
}
