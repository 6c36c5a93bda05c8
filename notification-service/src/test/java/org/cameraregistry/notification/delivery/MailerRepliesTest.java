package org.cameraregistry.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.retry.RetryRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.cameraregistry.notification.NotificationProperties;
import org.cameraregistry.notification.account.Contact;
import org.cameraregistry.notification.delivery.ScriptedSmtpServer.Trouble;
import org.cameraregistry.notification.template.RenderedEmail;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The mailer against a mail server's real replies over SMTP: what passes is tried again with backoff
 * until it is taken once, what is refused for good is the answer at the first attempt.
 */
class MailerRepliesTest {

    private static final int MAX_ATTEMPTS = 4;
    private static final Contact OWNER = new Contact(UUID.randomUUID(), 1, "owner@example.org", "Owner", Locale.ENGLISH);
    private static final RenderedEmail EMAIL = new RenderedEmail("Subject", "Text", "<p>HTML</p>");

    @Test
    void aGreylistingServerGetsTheEmailOnceItsTroubleHasPassed() {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Trouble.GREYLISTED, Trouble.GREYLISTED)) {
            assertThat(mailerOf(server).send("n-1", OWNER, EMAIL, null)).isEmpty();

            assertThat(server.connections()).isEqualTo(3);
            assertThat(server.delivered()).singleElement().asString().contains("Subject: Subject");
        }
    }

    @Test
    void aBusyServerAndAResetConnectionAreTriedAgain() {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Trouble.BUSY, Trouble.RESET)) {
            assertThat(mailerOf(server).send("n-2", OWNER, EMAIL, null)).isEmpty();

            assertThat(server.connections()).isEqualTo(3);
            assertThat(server.delivered()).hasSize(1);
        }
    }

    @Test
    void aRecipientRefusedForGoodIsTheAnswerAtTheFirstAttempt() {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Trouble.NO_SUCH_MAILBOX)) {
            assertThat(mailerOf(server).send("n-3", OWNER, EMAIL, null)).contains(DeliveryFailure.ADDRESS_REJECTED);

            assertThat(server.connections()).isEqualTo(1);
            assertThat(server.delivered()).isEmpty();
        }
    }

    @Test
    void aMessageRefusedForGoodIsTheAnswerAtTheFirstAttempt() {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Trouble.MESSAGE_REFUSED)) {
            assertThat(mailerOf(server).send("n-4", OWNER, EMAIL, null)).contains(DeliveryFailure.ADDRESS_REJECTED);

            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void aTroubleThatDoesNotPassSpendsTheAttemptsAndSaysSo() {
        Trouble[] always = new Trouble[MAX_ATTEMPTS + 2];
        java.util.Arrays.fill(always, Trouble.GREYLISTED);
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(always)) {
            assertThatThrownBy(() -> mailerOf(server).send("n-5", OWNER, EMAIL, null))
                    .isInstanceOf(RetriesSpentException.class);

            assertThat(server.connections()).isEqualTo(MAX_ATTEMPTS);
            assertThat(server.delivered()).isEmpty();
        }
    }

    @Test
    void anOptionalEmailCarriesItsOneClickUnsubscribeHeaders() {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
            mailerOf(server).send("n-6", OWNER, EMAIL, URI.create("https://cameras.example/notifications/unsubscribe?token=t"));

            assertThat(server.delivered()).singleElement().asString()
                    .contains("List-Unsubscribe: <https://cameras.example/notifications/unsubscribe?token=t>",
                            "List-Unsubscribe-Post: List-Unsubscribe=One-Click", "Auto-Submitted: auto-generated");
        }
    }

    private static Mailer mailerOf(ScriptedSmtpServer server) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(server.port());
        Properties timeouts = new Properties();
        timeouts.put("mail.smtp.connectiontimeout", "2000");
        timeouts.put("mail.smtp.timeout", "2000");
        sender.setJavaMailProperties(timeouts);
        NotificationProperties properties = new NotificationProperties(
                new NotificationProperties.Program("Community Camera Registry", "Dallas Police Department",
                        URI.create("https://cameras.example"), "Registry <no-reply@cameras.example>",
                        ZoneId.of("America/Chicago")),
                new NotificationProperties.Delivery(MAX_ATTEMPTS, Duration.ofMillis(20), Duration.ofMillis(100),
                        Duration.ofMinutes(10)),
                new NotificationProperties.Unsubscribe(null, Duration.ofDays(90)),
                new NotificationProperties.Digest(Duration.ofHours(1), Duration.ofSeconds(5)),
                new NotificationProperties.Events("notification", 8, Duration.ofSeconds(10)));
        return new Mailer(sender, RetryRegistry.ofDefaults(), properties);
    }
}
