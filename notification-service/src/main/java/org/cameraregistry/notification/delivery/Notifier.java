package org.cameraregistry.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.cameraregistry.notification.NotificationProperties;
import org.cameraregistry.notification.account.Contact;
import org.cameraregistry.notification.account.ContactStore;
import org.cameraregistry.notification.preference.PreferencePages;
import org.cameraregistry.notification.preference.Preferences;
import org.cameraregistry.notification.preference.UnsubscribeTokens;
import org.cameraregistry.notification.template.EmailTemplates;
import org.cameraregistry.notification.template.RenderedEmail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends one email, once: finds the address, honours the recipient's preferences and the
 * suppression list, claims the delivery record, sends, records the outcome and publishes it.
 * Each email decided is counted in {@code notification.emails}, by kind and outcome: {@code sent},
 * {@code failed} (the mail server refused it for good), {@code suppressed} (the address bounced
 * before), {@code declined} (its recipient turned that kind off), {@code erased} (the account was
 * erased), {@code retries-spent} (the mail server kept failing; the event is retried later).
 */
@Component
public class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final ContactStore contacts;
    private final Preferences preferences;
    private final Suppressions suppressions;
    private final DeliveryRecords records;
    private final DeliveryOutcomes outcomes;
    private final EmailTemplates templates;
    private final UnsubscribeTokens tokens;
    private final Mailer mailer;
    private final NotificationProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    Notifier(ContactStore contacts, Preferences preferences, Suppressions suppressions, DeliveryRecords records,
            DeliveryOutcomes outcomes, EmailTemplates templates, UnsubscribeTokens tokens, Mailer mailer,
            NotificationProperties properties, Clock clock, MeterRegistry meters) {
        this.contacts = contacts;
        this.preferences = preferences;
        this.suppressions = suppressions;
        this.records = records;
        this.outcomes = outcomes;
        this.templates = templates;
        this.tokens = tokens;
        this.mailer = mailer;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Sends {@code notification} unless it was sent already.
     *
     * @param takeOverAfter how long a delivery someone else started is left to them: zero for an
     *                      event's consumer, which alone holds its partition, so an unfinished record
     *                      is its own from before a crash
     * @return whether this call sent it
     * @throws AwaitingAccountException      if the account's contact details have not arrived yet
     * @throws DeliveryInProgressException   if another instance is sending it
     * @throws RetriesSpentException         if the mail server kept failing
     * @throws DeliveryInterruptedException  if the service began to stop before it was sent
     */
    public boolean send(Notification notification, Duration takeOverAfter) {
        ContactStore.Known known = contacts.find(notification.accountId());
        if (known.erased()) {
            log.info("email {} not sent: the account is erased", notification.id());
            count(notification, "erased");
            return false;
        }
        Contact held = known.contact().orElseThrow(() -> new AwaitingAccountException(notification.accountId()));
        Contact contact = notification.to() == null ? held
                : new Contact(held.accountId(), held.version(), notification.to(), held.displayName(), held.locale());
        if (!preferences.receives(notification.accountId(), notification.kind())) {
            log.info("email {} not sent: its recipient turned {} off", notification.id(), notification.kind().key());
            count(notification, "declined");
            return false;
        }
        DeliveryRecords.Claim claim = records.claim(notification, takeOverAfter);
        if (claim.done() != null) {
            outcomes.publish(claim.done()); // a no-op unless a crash came between recording and publishing
            return false;
        }
        if (!claim.claimed()) {
            throw new DeliveryInProgressException(notification.id());
        }
        if (contacts.find(notification.accountId()).erased()) {
            // Erased while this email was being begun: its record would outlive the erasure.
            records.release(notification.id());
            log.info("email {} not sent: the account was erased meanwhile", notification.id());
            count(notification, "erased");
            return false;
        }
        if (suppressions.isSuppressed(contact.email())) {
            outcomes.publish(records.failed(notification.id(), DeliveryFailure.ADDRESS_SUPPRESSED));
            log.info("email {} not sent: the address is suppressed", notification.id());
            count(notification, "suppressed");
            return false;
        }
        URI unsubscribe = notification.kind().optional()
                ? link(PreferencePages.UNSUBSCRIBE_PATH, tokens.forKind(notification.accountId(), notification.kind()))
                : null;
        URI preferencesLink = link(PreferencePages.PREFERENCES_PATH, tokens.forPreferences(notification.accountId()));
        RenderedEmail email = templates.render(notification.kind(), contact.locale(),
                new EmailTemplates.Recipient(contact.displayName(), unsubscribe == null ? null : unsubscribe.toString(),
                        preferencesLink.toString()),
                notification.values());
        Optional<DeliveryFailure> failure;
        try {
            failure = mailer.send(notification.id(), contact, email, unsubscribe);
        } catch (RetriesSpentException e) {
            records.release(notification.id());
            outcomes.publishRetriesSpent(notification, clock.instant());
            count(notification, "retries-spent");
            throw e;
        } catch (DeliveryInterruptedException e) {
            records.release(notification.id());
            throw e;
        }
        if (failure.isPresent()) {
            suppressions.suppress(contact.email(), notification.accountId(), failure.get());
            outcomes.publish(records.failed(notification.id(), failure.get()));
            log.warn("email {} failed for good ({}); the address is suppressed", notification.id(), failure.get().code());
            count(notification, "failed");
            return false;
        }
        outcomes.publish(records.sent(notification.id()));
        log.info("email {} sent", notification.id());
        count(notification, "sent");
        return true;
    }

    private void count(Notification notification, String outcome) {
        meters.counter("notification.emails", "kind", notification.kind().key(), "outcome", outcome).increment();
    }

    private URI link(String path, String token) {
        return UriComponentsBuilder.fromUri(properties.program().publicBaseUrl()).path(path)
                .queryParam("token", token).build().toUri();
    }
}
