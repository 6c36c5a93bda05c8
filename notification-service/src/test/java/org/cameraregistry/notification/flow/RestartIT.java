package org.cameraregistry.notification.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.cameraregistry.notification.NotificationApplication;
import org.cameraregistry.notification.TestInfrastructure;
import org.cameraregistry.testkit.ConsumerGroupProbe;
import org.cameraregistry.testkit.TestIssuer;
import org.cameraregistry.testkit.EmbeddedInfrastructure;
import org.cameraregistry.testkit.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * notification-service stopped while an email is pending, and started again: the email is sent, once.
 * Its instances here have a database, a consumer group and a mail server of their own, so that the
 * other tests' service, which reads the same topics, is no part of it.
 */
class RestartIT {

    private static final String BROKERS = TestInfrastructure.INFRASTRUCTURE.kafkaBrokers();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String group = "notification-restart-" + run;
    private final int smtpPort = EmbeddedInfrastructure.freePort();
    private final MongoClient mongo = MongoClients.connect(TestInfrastructure.INFRASTRUCTURE.mongoUri());
    private final MongoDatabase database = mongo.getDatabase("notification-restart-" + run);
    private GreenMail mailServer;

    @AfterEach
    void close() {
        if (mailServer != null) {
            mailServer.stop();
        }
        mongo.close();
    }

    @Test
    void anEmailPendingWhenTheServiceStopsIsSentOnceAfterItStartsAgain() {
        ConsumerGroupProbe.startAtEnd(BROKERS, group, TestInfrastructure.CONSUMED);
        UUID account = UUID.randomUUID();
        String address = "restart-" + account + "@example.org";

        ConfigurableApplicationContext first = start();
        try (EventsOnKafka events = new EventsOnKafka(BROKERS)) {
            events.accountRegistered(account, address, "Pending Owner", "en");
            events.verificationRequested(account, "https://cameras.dallaspolice.example/verify?token=pending");
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> database.getCollection("deliveries")
                .countDocuments(new Document("accountId", account).append("state", "SENDING")) == 1);
        first.close();
        assertThat(database.getCollection("deliveries").countDocuments(new Document("accountId", account)))
                .as("the unfinished delivery is released for the next start").isZero();

        mailServer = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mailServer.start();
        try (ConfigurableApplicationContext second = start()) {
            Awaitility.await().atMost(Duration.ofSeconds(40)).until(() -> mailServer.getReceivedMessages().length >= 1);
            ConsumerGroupProbe.awaitCaughtUp(BROKERS, group, TestInfrastructure.CONSUMED);

            assertThat(mailServer.getReceivedMessages()).singleElement()
                    .satisfies(email -> assertThat(email.getAllRecipients()[0].toString()).contains(address));
            assertThat(database.getCollection("deliveries")
                    .countDocuments(new Document("accountId", account).append("state", "SENT"))).isEqualTo(1);
        }
    }

    /** An instance whose mail server refuses connections until the test starts it; it retries meanwhile. */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(NotificationApplication.class).run(TestIssuer.shared().serviceArguments(
                "--server.port=0",
                "--spring.mongodb.uri=" + TestInfrastructure.INFRASTRUCTURE.mongoUri(),
                "--spring.mongodb.database=" + database.getName(),
                "--spring.kafka.bootstrap-servers=" + BROKERS,
                "--notification.events.group=" + group,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--notification.delivery.max-attempts=1000",
                "--notification.delivery.initial-backoff=PT0.2S",
                "--notification.delivery.max-backoff=PT0.5S",
                "--notification.unsubscribe.signing-key=dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LXRlc3Qtb25seQ=="));
    }
}
