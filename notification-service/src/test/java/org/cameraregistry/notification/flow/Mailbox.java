package org.cameraregistry.notification.flow;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.awaitility.Awaitility;
import org.cameraregistry.notification.TestInfrastructure;

/** The messages the test SMTP server received for one address. */
final class Mailbox {

    private Mailbox() {
    }

    static List<MimeMessage> of(String address) {
        return Arrays.stream(TestInfrastructure.mailServer().getReceivedMessages())
                .filter(message -> isFor(message, address)).toList();
    }

    static List<MimeMessage> await(String address, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(40)).until(() -> of(address).size() >= count);
        return of(address);
    }

    /** The plain-text part. */
    static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    /** The HTML part. */
    static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    private static String part(MimeMessage message, String type) {
        try {
            String found = find(message, type);
            if (found == null) {
                throw new AssertionError("no " + type + " part");
            }
            return found;
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(jakarta.mail.Part part, String type) throws MessagingException, java.io.IOException {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = find(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients)
                    .anyMatch(recipient -> ((InternetAddress) recipient).getAddress().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
