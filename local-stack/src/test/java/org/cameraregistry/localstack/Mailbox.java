package org.cameraregistry.localstack;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.cameraregistry.testkit.ApiClient;
import tools.jackson.databind.JsonNode;

/** The stack's mail catcher, read as a person reads their inbox: through its Mailpit API. */
final class Mailbox {

    private final ApiClient mailCatcher;

    Mailbox(String mailCatcherUrl) {
        this.mailCatcher = new ApiClient(mailCatcherUrl);
    }

    /** The emails the mail catcher holds for {@code address}. */
    List<JsonNode> emailsTo(String address) {
        JsonNode messages = mailCatcher.get("/api/v1/messages").json().path("messages");
        return messages.values().stream()
                .filter(message -> message.path("To").values().stream()
                        .anyMatch(to -> to.path("Address").asString().equals(address)))
                .toList();
    }

    /** The first email to {@code address} whose subject starts so, waiting up to 30 s for it. */
    JsonNode awaitEmail(String address, String subjectStart) {
        String id = await().atMost(Duration.ofSeconds(30)).until(() -> emailsTo(address).stream()
                .filter(message -> message.path("Subject").asString().startsWith(subjectStart))
                .map(message -> message.path("ID").asString()).findFirst(), Optional::isPresent).orElseThrow();
        return mailCatcher.get("/api/v1/message/" + id).json();
    }
}
