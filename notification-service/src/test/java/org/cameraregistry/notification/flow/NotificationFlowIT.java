package org.cameraregistry.notification.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.cameraregistry.events.EventCodec;
import org.cameraregistry.events.EventEnvelope;
import org.cameraregistry.events.Topics;
import org.cameraregistry.events.account.AccountVerificationRequested;
import org.cameraregistry.events.notification.NotificationDelivered;
import org.cameraregistry.events.notification.NotificationFailed;
import org.cameraregistry.notification.NotificationIntegrationTest;
import org.cameraregistry.notification.TestInfrastructure;
import org.cameraregistry.testkit.ConsumerGroupProbe;
import org.cameraregistry.testkit.KafkaProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Events in, email out over real SMTP, outcome events back on Kafka. */
class NotificationFlowIT extends NotificationIntegrationTest {

    private static final String BROKERS = TestInfrastructure.INFRASTRUCTURE.kafkaBrokers();
    private static EventsOnKafka events;
    private static KafkaProbe outcomes;
    private final EventCodec codec = new EventCodec();

    @Autowired
    private MongoDatabase database;
    @LocalServerPort
    private int port;

    @BeforeAll
    static void connect() {
        events = new EventsOnKafka(BROKERS);
        outcomes = new KafkaProbe(BROKERS, Topics.NOTIFICATION_DELIVERED, Topics.NOTIFICATION_FAILED,
                Topics.deadLetter(Topics.ACCOUNT_VERIFICATION_REQUESTED, TestInfrastructure.GROUP));
    }

    @AfterAll
    static void disconnect() {
        events.close();
        outcomes.close();
    }

    @AfterEach
    void mailServerRunsAgain() {
        TestInfrastructure.startMailServer(false);
    }

    @Test
    void aVerificationLinkIsEmailedOnceAndAReplayOfItsTopicSendsNothingMore() throws Exception {
        UUID account = UUID.randomUUID();
        String address = "owner-" + account + "@example.org";
        double sentBefore = emails("account-verification", "sent");
        events.accountRegistered(account, address, "Dana Owner", "en-US");
        EventEnvelope<AccountVerificationRequested> request =
                events.verificationRequested(account, "https://cameras.dallaspolice.example/verify?token=" + account);

        MimeMessage email = Mailbox.await(address, 1).getFirst();
        assertThat(email.getSubject()).isEqualTo("Confirm your email address for Community Camera Registry");
        assertThat(Mailbox.text(email)).contains("Hello Dana Owner,", "https://cameras.dallaspolice.example/verify?token=" + account);
        assertThat(Mailbox.html(email)).contains("href=\"https://cameras.dallaspolice.example/verify?token=" + account + "\"");
        assertThat(email.getHeader("List-Unsubscribe")).as("a mandatory email has no unsubscribe link").isNull();
        List<ConsumerRecord<String, byte[]>> delivered = outcomes.await(Topics.NOTIFICATION_DELIVERED, account.toString(), 1);
        NotificationDelivered outcome = codec.read(delivered.getFirst().value(), NotificationDelivered.TYPE).data();
        assertThat(outcome.kind()).isEqualTo("account-verification");
        assertThat(outcome.causeEventIds()).containsExactly(request.id());
        assertThat(new String(delivered.getFirst().value())).doesNotContain(address);

        events.replay(published(Topics.ACCOUNT_VERIFICATION_REQUESTED, account.toString()));
        events.replay(published(Topics.ACCOUNT_REGISTERED, account.toString()));
        ConsumerGroupProbe.awaitCaughtUp(BROKERS, TestInfrastructure.GROUP, TestInfrastructure.CONSUMED);

        assertThat(Mailbox.of(address)).hasSize(1);
        assertThat(outcomes.recordsUpToNow(Topics.NOTIFICATION_DELIVERED, account.toString())).hasSize(1);
        assertThat(emails("account-verification", "sent") - sentBefore).as("counted once, as sent once").isEqualTo(1);
    }

    @Test
    void theLinkConfirmingANewAddressGoesToThatAddressAndOnceMovedTheOldOneIsTold() throws Exception {
        UUID account = UUID.randomUUID();
        String old = "before-" + account + "@example.org";
        String moved = "after-" + account + "@example.net";
        events.accountRegistered(account, old, "Maria Lopez", "en");
        String link = "https://cameras.dallaspolice.example/accounts/email/confirm?token=" + account;

        events.emailChangeRequested(account, moved, link);

        MimeMessage confirmation = Mailbox.await(moved, 1).getFirst();
        assertThat(confirmation.getSubject()).isEqualTo("Confirm your new Community Camera Registry address");
        assertThat(Mailbox.text(confirmation)).contains("Hello Maria Lopez,", link);
        assertThat(Mailbox.of(old)).as("the old address gets nothing until the change is made").isEmpty();

        events.emailChanged(account, 2, moved);

        MimeMessage notice = Mailbox.await(old, 1).getFirst();
        assertThat(notice.getSubject()).isEqualTo("Your Community Camera Registry account has a new address");
        assertThat(Mailbox.text(notice)).contains("a***@example.net").doesNotContain(moved);
        // Once the new address is kept (the notice is sent just before), the account is emailed there.
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            Document contact = database.getCollection("contacts").find(new Document("_id", account)).first();
            return contact != null && moved.equals(contact.getString("email"));
        });
        events.verificationRequested(account, "https://cameras.dallaspolice.example/accounts/verify?token=" + account);
        assertThat(Mailbox.await(moved, 2)).hasSize(2);
        assertThat(Mailbox.of(old)).hasSize(1);
    }

    @Test
    void aStaffInvitationIsEmailedWithItsLinkAndTheDepartmentsName() throws Exception {
        UUID account = UUID.randomUUID();
        String address = "investigator-" + account + "@dallas.example";
        events.accountRegistered(account, address, "Riley Detective", "en-US");
        events.staffInvited(account, "Dallas Police Department",
                "https://cameras.dallaspolice.example/accounts/reset-password?token=" + account);

        MimeMessage email = Mailbox.await(address, 1).getFirst();
        assertThat(email.getSubject()).isEqualTo("Your Community Camera Registry account is ready");
        assertThat(Mailbox.text(email)).contains("Hello Riley Detective,", "Dallas Police Department opened",
                "https://cameras.dallaspolice.example/accounts/reset-password?token=" + account);
        assertThat(email.getHeader("List-Unsubscribe")).as("a mandatory email has no unsubscribe link").isNull();
    }

    @Test
    void aLinkAskedForBeforeTheAccountsAddressArrivedIsEmailedOnceTheAddressComes() {
        UUID account = UUID.randomUUID();
        String address = "early-" + account + "@example.org";
        events.verificationRequested(account, "https://cameras.dallaspolice.example/verify?token=early");
        sleep(Duration.ofSeconds(1));
        events.accountRegistered(account, address, "Early Bird", "en");

        assertThat(Mailbox.await(address, 1)).hasSize(1);
    }

    @Test
    void anOptionalEmailCarriesOneClickUnsubscribeHeadersAndSpeaksTheOwnersLanguage() throws Exception {
        UUID owner = UUID.randomUUID();
        String address = "maria-" + owner + "@example.org";
        events.accountRegistered(owner, address, "María López", "es-US");
        events.cameraRegistered(UUID.randomUUID(), owner, "Entrada <principal>");

        MimeMessage email = Mailbox.await(address, 1).getFirst();
        assertThat(email.getSubject()).isEqualTo("Cámara registrada: Entrada <principal>");
        assertThat(email.getHeader("List-Unsubscribe")).singleElement().asString()
                .startsWith("<https://cameras.dallaspolice.example/notifications/unsubscribe?token=");
        assertThat(email.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(Mailbox.html(email)).contains("Entrada &lt;principal&gt;", "lang=\"es\"");
        assertThat(Mailbox.text(email)).contains("Hola María López:", "Entrada <principal>");
    }

    @Test
    void theOneClickLinkOfAnEmailStopsThatKindOfEmailAndNoOther() throws Exception {
        UUID owner = UUID.randomUUID();
        String address = "one-click-" + owner + "@example.org";
        events.accountRegistered(owner, address, "Uma Clicker", "en");
        events.cameraRegistered(UUID.randomUUID(), owner, "Front door");
        MimeMessage first = Mailbox.await(address, 1).getFirst();
        String link = first.getHeader("List-Unsubscribe")[0].replaceAll("^<|>$", "")
                .replace("https://cameras.dallaspolice.example", "http://localhost:" + port);

        HttpResponse<String> unsubscribed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(first.getHeader("List-Unsubscribe-Post")[0])).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsubscribed.statusCode()).isEqualTo(200);

        UUID second = UUID.randomUUID();
        events.cameraRegistered(second, owner, "Back yard");
        events.cameraDeregistered(second, owner);
        Mailbox.await(address, 2);
        ConsumerGroupProbe.awaitCaughtUp(BROKERS, TestInfrastructure.GROUP, TestInfrastructure.CONSUMED);
        assertThat(Mailbox.of(address)).extracting(NotificationFlowIT::subject)
                .containsExactly("Camera registered: Front door", "Camera deleted from Community Camera Registry");
    }

    @Test
    void camerasRegisteredByAnImportAreNotEmailedOneByOne() throws Exception {
        UUID owner = UUID.randomUUID();
        String address = "importer-" + owner + "@example.org";
        events.accountRegistered(owner, address, "Ira Porter", "en");
        UUID importId = UUID.randomUUID();
        for (int row = 1; row <= 3; row++) {
            events.cameraRegistered(UUID.randomUUID(), owner, "Aisle " + row, importId);
        }
        events.cameraRegistered(UUID.randomUUID(), owner, "Front door");

        Mailbox.await(address, 1);
        ConsumerGroupProbe.awaitCaughtUp(BROKERS, TestInfrastructure.GROUP, TestInfrastructure.CONSUMED);
        assertThat(Mailbox.of(address)).extracting(NotificationFlowIT::subject).containsExactly("Camera registered: Front door");
    }

    @Test
    void aMailServerThatRefusesTheFirstAttemptsGetsTheEmailExactlyOnce() {
        UUID account = UUID.randomUUID();
        String address = "patient-" + account + "@example.org";
        events.accountRegistered(account, address, "Pat", "en");
        ConsumerGroupProbe.awaitCaughtUp(BROKERS, TestInfrastructure.GROUP, TestInfrastructure.CONSUMED);
        TestInfrastructure.stopMailServer();

        events.verificationRequested(account, "https://cameras.dallaspolice.example/verify?token=patient");
        sleep(Duration.ofSeconds(2));
        TestInfrastructure.startMailServer(false);

        assertThat(Mailbox.await(address, 1)).hasSize(1);
        outcomes.await(Topics.NOTIFICATION_DELIVERED, account.toString(), 1);
        ConsumerGroupProbe.awaitCaughtUp(BROKERS, TestInfrastructure.GROUP, TestInfrastructure.CONSUMED);
        assertThat(Mailbox.of(address)).hasSize(1);
    }

    @Test
    void whenEveryAttemptIsSpentTheEventIsDeadLetteredAndItsReplaySendsTheEmailOnce() {
        UUID account = UUID.randomUUID();
        String address = "outage-" + account + "@example.org";
        events.accountRegistered(account, address, "Olive Outage", "en");
        ConsumerGroupProbe.awaitCaughtUp(BROKERS, TestInfrastructure.GROUP, TestInfrastructure.CONSUMED);
        TestInfrastructure.stopMailServer();

        events.verificationRequested(account, "https://cameras.dallaspolice.example/verify?token=outage");

        ConsumerRecord<String, byte[]> failed = outcomes.await(Topics.NOTIFICATION_FAILED, account.toString(), 1).getFirst();
        NotificationFailed failure = codec.read(failed.value(), NotificationFailed.TYPE).data();
        assertThat(failure.reason()).isEqualTo("retries-spent");
        assertThat(failure.permanent()).isFalse();
        List<ConsumerRecord<String, byte[]>> deadLetters = outcomes.await(
                Topics.deadLetter(Topics.ACCOUNT_VERIFICATION_REQUESTED, TestInfrastructure.GROUP), account.toString(), 1);
        assertThat(new String(deadLetters.getFirst().headers().lastHeader("kafka_dlt-exception-cause-fqcn").value()))
                .endsWith("RetriesSpentException");

        TestInfrastructure.startMailServer(false);
        assertThat(Mailbox.of(address)).isEmpty();
        events.replayOn(Topics.ACCOUNT_VERIFICATION_REQUESTED, deadLetters);

        assertThat(Mailbox.await(address, 1)).hasSize(1);
        outcomes.await(Topics.NOTIFICATION_DELIVERED, account.toString(), 1);
        ConsumerGroupProbe.awaitCaughtUp(BROKERS, TestInfrastructure.GROUP, TestInfrastructure.CONSUMED);
        assertThat(Mailbox.of(address)).hasSize(1);
        assertThat(database.getCollection("suppressions").countDocuments(new Document("accountId", account)))
                .as("a passing trouble suppresses nothing").isZero();
    }

    @Test
    void anInvalidAddressIsSuppressedAndReportedWithoutTheAddress() throws Exception {
        UUID account = UUID.randomUUID();
        String address = "typo..dots-" + account + "@example.org";
        double failedBefore = emails("account-verification", "failed");
        double suppressedBefore = emails("account-verification", "suppressed");
        events.accountRegistered(account, address, "Typo", "en");
        events.verificationRequested(account, "https://cameras.dallaspolice.example/verify?token=typo");

        ConsumerRecord<String, byte[]> failed = outcomes.await(Topics.NOTIFICATION_FAILED, account.toString(), 1).getFirst();
        NotificationFailed failure = codec.read(failed.value(), NotificationFailed.TYPE).data();
        assertThat(failure.reason()).isEqualTo("address-invalid");
        assertThat(failure.permanent()).isTrue();
        assertThat(new String(failed.value())).doesNotContain("typo..dots");
        assertThat(database.getCollection("suppressions").countDocuments(new Document("accountId", account))).isEqualTo(1);

        events.verificationRequested(account, "https://cameras.dallaspolice.example/verify?token=typo2");
        List<ConsumerRecord<String, byte[]>> both = outcomes.await(Topics.NOTIFICATION_FAILED, account.toString(), 2);
        assertThat(codec.read(both.get(1).value(), NotificationFailed.TYPE).data().reason()).isEqualTo("address-suppressed");
        assertThat(emails("account-verification", "failed") - failedBefore).isEqualTo(1);
        assertThat(emails("account-verification", "suppressed") - suppressedBefore).isEqualTo(1);
    }

    /** How many emails of a kind had an outcome, as the service's metrics say ({@code notification.emails}). */
    private double emails(String kind, String outcome) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        return metrics.body().lines()
                .filter(line -> line.startsWith("notification_emails_total{") && line.contains("kind=\"" + kind + "\"")
                        && line.contains("outcome=\"" + outcome + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicAndTheNextIsStillSent() {
        UUID account = UUID.randomUUID();
        String address = "after-poison-" + account + "@example.org";
        events.raw(Topics.ACCOUNT_VERIFICATION_REQUESTED, account.toString(), "{\"not\":\"an event\"}");
        events.accountRegistered(account, address, "After Poison", "en");
        events.verificationRequested(account, "https://cameras.dallaspolice.example/verify?token=after");

        assertThat(outcomes.await(Topics.deadLetter(Topics.ACCOUNT_VERIFICATION_REQUESTED, TestInfrastructure.GROUP),
                account.toString(), 1)).hasSize(1);
        assertThat(Mailbox.await(address, 1)).hasSize(1);
    }

    @Test
    void severalLiveAccessesWithinTheWindowGoOutAsOneDigest() throws Exception {
        UUID owner = UUID.randomUUID();
        String address = "digest-" + owner + "@example.org";
        events.accountRegistered(owner, address, "Digest Owner", "en");
        UUID camera = UUID.randomUUID();
        events.liveAccessOpened(owner, camera);
        events.liveAccessOpened(owner, camera);
        events.liveAccessOpened(owner, UUID.randomUUID());

        MimeMessage digest = Mailbox.await(address, 1).getFirst();
        assertThat(digest.getSubject()).isEqualTo("The police saw your cameras live 3 times");
        sleep(Duration.ofSeconds(6));
        assertThat(Mailbox.of(address)).hasSize(1);
        outcomes.await(Topics.NOTIFICATION_DELIVERED, owner.toString(), 1);
    }

    @Test
    void anErasedAccountIsToldThenForgottenAndAReplayCannotBringItsAddressBack() {
        UUID account = UUID.randomUUID();
        String address = "leaving-" + account + "@example.org";
        events.accountRegistered(account, address, "Leaving Owner", "en");
        events.verificationRequested(account, "https://cameras.dallaspolice.example/verify?token=leaving");
        Mailbox.await(address, 1);
        events.erased(account);

        List<MimeMessage> emails = Mailbox.await(address, 2);
        assertThat(emails.get(1)).extracting(message -> subject(message)).isEqualTo("Your Community Camera Registry account is erased");
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Document contact = database.getCollection("contacts").find(new Document("_id", account)).first();
            assertThat(contact).isNotNull();
            assertThat(contact.keySet()).containsExactlyInAnyOrder("_id", "erased", "erasedAt");
        });
        for (String collection : List.of("deliveries", "preferences", "suppressions", "live_access_notices")) {
            assertThat(database.getCollection(collection).countDocuments(new Document("accountId", account))
                    + database.getCollection(collection).countDocuments(new Document("_id", account))
                    + database.getCollection(collection).countDocuments(new Document("ownerId", account)))
                    .as(collection).isZero();
        }

        events.replay(published(Topics.ACCOUNT_REGISTERED, account.toString()));
        events.verificationRequested(account, "https://cameras.dallaspolice.example/verify?token=ghost");
        ConsumerGroupProbe.awaitCaughtUp(BROKERS, TestInfrastructure.GROUP, TestInfrastructure.CONSUMED);
        assertThat(Mailbox.of(address)).hasSize(2);
        assertThat(database.getCollection("contacts").find(new Document("_id", account)).first())
                .extracting(document -> document.containsKey("email")).isEqualTo(false);
    }

    /** Every record keyed {@code key} on {@code topic} so far, as a replay would read them. */
    private static List<ConsumerRecord<String, byte[]>> published(String topic, String key) {
        try (KafkaProbe probe = new KafkaProbe(BROKERS, topic)) {
            List<ConsumerRecord<String, byte[]>> records = probe.recordsUpToNow(topic, key);
            assertThat(records).as("records on %s to replay", topic).isNotEmpty();
            return records;
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
