package org.cameraregistry.notification.delivery;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.cameraregistry.notification.NotificationProperties;
import org.cameraregistry.notification.account.Contact;
import org.cameraregistry.notification.template.RenderedEmail;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands emails to the mail server ({@code spring.mail.*}). A passing failure (a 4xx reply, a refused
 * or reset connection, a timeout) is retried by Resilience4j with exponential backoff and jitter
 * ({@code notification.delivery.*}); a permanent one (a 5xx reply, an address that is not one) is
 * not retried: it is the answer. Once the service is stopping no further attempt is made, so that
 * the event is neither acknowledged nor dead-lettered: the next instance to read it sends the email.
 */
@Component
public class Mailer {

    private final JavaMailSender sender;
    private final Retry retry;
    private final InternetAddress from;
    private volatile boolean stopping;

    Mailer(JavaMailSender sender, RetryRegistry retries, NotificationProperties properties) {
        this.sender = sender;
        NotificationProperties.Delivery delivery = properties.delivery();
        this.retry = retries.retry("smtp", RetryConfig.custom()
                .maxAttempts(delivery.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(delivery.initialBackoff(), 2.0, 0.5,
                        delivery.maxBackoff()))
                .retryOnException(failure -> !stopping && permanentFailure(failure).isEmpty())
                .build());
        try {
            this.from = new InternetAddress(properties.program().from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("notification.program.from is not an address: " + e.getMessage(), e);
        }
    }

    /**
     * Sends {@code email} to {@code to}.
     *
     * @param unsubscribeUrl the one-click link of an optional email (RFC 8058), or null for a mandatory one
     * @return empty once the mail server accepted it, or why it never will
     * @throws RetriesSpentException       if it kept failing for passing reasons
     * @throws DeliveryInterruptedException if the service began to stop before it was sent
     */
    public Optional<DeliveryFailure> send(String notificationId, Contact to, RenderedEmail email, URI unsubscribeUrl) {
        MimeMessage message;
        try {
            message = compose(to, email, unsubscribeUrl);
        } catch (AddressException e) {
            return Optional.of(DeliveryFailure.ADDRESS_INVALID);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("email " + notificationId + " could not be composed", e);
        }
        try {
            retry.executeRunnable(() -> sender.send(message));
            return Optional.empty();
        } catch (MailException e) {
            Optional<DeliveryFailure> permanent = permanentFailure(e);
            if (permanent.isPresent()) {
                return permanent;
            }
            if (stopping) {
                throw new DeliveryInterruptedException(notificationId, e);
            }
            throw new RetriesSpentException(notificationId, e);
        }
    }

    /** Published before the listeners stop: the email being retried now is left to the next start. */
    @EventListener(ContextClosedEvent.class)
    void stopRetrying() {
        stopping = true;
    }

    private MimeMessage compose(Contact to, RenderedEmail email, URI unsubscribeUrl)
            throws MessagingException, UnsupportedEncodingException {
        InternetAddress recipient = new InternetAddress(to.email(), to.displayName(), "UTF-8");
        recipient.validate();
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(from);
        helper.setTo(recipient);
        helper.setSubject(email.subject());
        helper.setText(email.text(), email.html());
        // RFC 3834: no out-of-office replies to a machine.
        message.setHeader("Auto-Submitted", "auto-generated");
        if (unsubscribeUrl != null) {
            message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }

    /**
     * The permanent failure in {@code failure}, or empty if it may pass: anything but a 5xx reply or
     * an invalid address (an unknown failure included) is worth another attempt, since a permanent
     * failure suppresses the address for good.
     */
    static Optional<DeliveryFailure> permanentFailure(Throwable failure) {
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = new HashSet<>();
        pending.push(failure);
        while (!pending.isEmpty()) {
            Throwable next = pending.pop();
            if (!seen.add(next)) {
                continue;
            }
            if (next instanceof AddressException) {
                return Optional.of(DeliveryFailure.ADDRESS_INVALID);
            }
            if (next instanceof SMTPAddressFailedException address && address.getReturnCode() >= 500) {
                return Optional.of(DeliveryFailure.ADDRESS_REJECTED);
            }
            if (next instanceof SMTPSendFailedException send && send.getReturnCode() >= 500) {
                return Optional.of(DeliveryFailure.ADDRESS_REJECTED);
            }
            if (next instanceof MailSendException send) {
                for (Exception each : send.getMessageExceptions()) {
                    pending.push(each);
                }
            }
            if (next instanceof MessagingException messaging && messaging.getNextException() != null) {
                pending.push(messaging.getNextException());
            }
            if (next.getCause() != null) {
                pending.push(next.getCause());
            }
        }
        return Optional.empty();
    }
}
