package org.cameraregistry.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

/** Which failures of the mail server are for good, as Spring and Angus Mail report them. */
class MailerFailuresTest {

    private static final InternetAddress TO = address("owner@example.org");

    @Test
    void aPermanentReplyToTheRecipientIsARejectedAddress() {
        SendFailedException refused = new SendFailedException("Invalid Addresses", null, new InternetAddress[0],
                new InternetAddress[0], new InternetAddress[] {TO});
        refused.setNextException(new SMTPAddressFailedException(TO, "RCPT TO:<owner@example.org>", 550,
                "550 5.1.1 <owner@example.org>: Recipient address rejected"));

        assertThat(Mailer.permanentFailure(failedSending(refused))).contains(DeliveryFailure.ADDRESS_REJECTED);
    }

    @Test
    void aPermanentReplyToTheMessageIsARejectedAddress() {
        SMTPSendFailedException refused = new SMTPSendFailedException("DATA", 554, "554 5.7.1 Message refused", null,
                null, new InternetAddress[] {TO}, null);

        assertThat(Mailer.permanentFailure(failedSending(refused))).contains(DeliveryFailure.ADDRESS_REJECTED);
    }

    @Test
    void anAddressThatIsNotOneIsInvalid() {
        assertThat(Mailer.permanentFailure(failedSending(new AddressException("Local address contains dot-dot"))))
                .contains(DeliveryFailure.ADDRESS_INVALID);
    }

    @Test
    void aPassingReplyARefusedConnectionAndAnythingUnknownAreWorthAnotherAttempt() {
        SendFailedException busy = new SendFailedException("Invalid Addresses");
        busy.setNextException(new SMTPAddressFailedException(TO, "RCPT TO:<owner@example.org>", 451,
                "451 4.7.1 Greylisted, try again later"));
        MessagingException refused = new MessagingException("Couldn't connect to host, port: localhost, 1025",
                new ConnectException("Connection refused"));

        assertThat(Mailer.permanentFailure(failedSending(busy))).isEmpty();
        assertThat(Mailer.permanentFailure(new MailSendException("Mail server connection failed", refused))).isEmpty();
        assertThat(Mailer.permanentFailure(new MailAuthenticationException("535 5.7.8 bad credentials"))).isEmpty();
        assertThat(Mailer.permanentFailure(new IllegalStateException("anything else"))).isEmpty();
    }

    private static MailSendException failedSending(Exception cause) {
        return new MailSendException(Map.of(new Object(), cause));
    }

    private static InternetAddress address(String address) {
        try {
            return new InternetAddress(address);
        } catch (AddressException e) {
            throw new IllegalStateException(e);
        }
    }
}
