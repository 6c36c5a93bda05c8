package org.cameraregistry.notification.account;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cameraregistry.events.EventCodec;
import org.cameraregistry.events.EventEnvelope;
import org.cameraregistry.events.Topics;
import org.cameraregistry.events.account.AccountEmailChangeRequested;
import org.cameraregistry.events.account.AccountEmailChanged;
import org.cameraregistry.events.account.AccountErased;
import org.cameraregistry.events.account.AccountRegistered;
import org.cameraregistry.events.account.AccountVerificationRequested;
import org.cameraregistry.events.account.PasswordResetRequested;
import org.cameraregistry.events.account.StaffInvited;
import org.cameraregistry.notification.delivery.Notification;
import org.cameraregistry.notification.delivery.NotificationKind;
import org.cameraregistry.notification.delivery.Notifier;
import org.cameraregistry.notification.delivery.RetriesSpentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The account topics: contact details kept (the old address told of a change), verification, reset,
 * invitation and new-address links emailed, erasures carried
 * out. Each event is read against its schema first; one that cannot be read goes to the dead-letter
 * topic (see {@link org.cameraregistry.notification.delivery.DeadLetters}).
 */
@Component
class AccountEventListener {

    private static final Logger log = LoggerFactory.getLogger(AccountEventListener.class);
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

    /**
     * Keeps the new address; first, the old one hears that it is no longer the account's, so that an
     * account taken over is noticed. A notice that cannot be delivered does not hold the change up.
     */
    @KafkaListener(id = "keep-changed-contacts", groupId = GROUP, topics = Topics.ACCOUNT_EMAIL_CHANGED)
    void keepChangedContact(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<AccountEmailChanged> event = codec.read(record.value(), AccountEmailChanged.TYPE);
        AccountEmailChanged changed = event.data();
        event.requireAbout(record.key(), changed.accountId(), "accountId");
        Optional<Contact> held = contacts.find(changed.accountId()).contact();
        if (held.isPresent() && held.get().version() < changed.version() && !held.get().email().equals(changed.email())) {
            try {
                notifier.send(Notification.about(event.id(), changed.accountId(), NotificationKind.EMAIL_CHANGED,
                        Map.of("newAddress", masked(changed.email()))), Duration.ZERO);
            } catch (RetriesSpentException undelivered) {
                log.warn("the old address of account {} could not be told of its change", changed.accountId());
            }
        }
        contacts.save(new Contact(changed.accountId(), changed.version(), changed.email(), changed.displayName(),
                Locale.forLanguageTag(changed.locale())));
    }

    /** The link that confirms a new address goes to that address, which is not the account's yet. */
    @KafkaListener(id = "email-change-confirmation-links", groupId = GROUP, topics = Topics.ACCOUNT_EMAIL_CHANGE_REQUESTED)
    void emailChangeConfirmationLink(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<AccountEmailChangeRequested> event = codec.read(record.value(), AccountEmailChangeRequested.TYPE);
        AccountEmailChangeRequested requested = event.data();
        event.requireAbout(record.key(), requested.accountId(), "accountId");
        notifier.send(Notification.aboutTo(event.id(), requested.accountId(), NotificationKind.EMAIL_CHANGE_CONFIRMATION,
                requested.email(), Map.of("link", requested.link(), "expiresAt", requested.expiresAt())), Duration.ZERO);
    }

    /** An address as the old one is told of it: enough to recognise, not to copy ({@code m***@example.org}). */
    static String masked(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
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
