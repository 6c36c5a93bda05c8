package org.cameraregistry.localstack.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The mail catcher as a client of SMTP and of its web page and API meets it. */
class MailCatcherTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private MailCatcher catcher;

    @BeforeEach
    void start() throws IOException {
        catcher = MailCatcher.start(freePort(), freePort());
    }

    @AfterEach
    void stop() {
        catcher.close();
    }

    @Test
    void anEmailSentOverSmtpIsListedAndReadThroughMailpitsApi() throws Exception {
        send("dana@example.org", "Camera registered: <b>Porch</b> & \"side\"", "Hello Dana, plain text.",
                "<p>Hello <strong>Dana</strong></p>");

        JsonNode list = json("/api/v1/messages");
        assertThat(list.path("total").asInt()).isEqualTo(1);
        JsonNode summary = list.path("messages").get(0);
        assertThat(summary.path("To").get(0).path("Address").asString()).isEqualTo("dana@example.org");
        assertThat(summary.path("From").path("Name").asString()).isEqualTo("Community Camera Registry");
        assertThat(summary.path("Subject").asString()).isEqualTo("Camera registered: <b>Porch</b> & \"side\"");

        String id = summary.path("ID").asString();
        JsonNode message = json("/api/v1/message/" + id);
        assertThat(message.path("Text").asString()).contains("Hello Dana, plain text.");
        assertThat(message.path("HTML").asString()).contains("<strong>Dana</strong>");
        JsonNode headers = json("/api/v1/message/" + id + "/headers");
        assertThat(headers.path("List-Unsubscribe").get(0).asString()).isEqualTo("<https://example.org/unsubscribe?token=t>");
        assertThat(headers.path("To").get(0).asString()).as("decoded").isEqualTo("Dana Müller <dana@example.org>");
    }

    @Test
    void theWebPageShowsEveryValueAsTextAndTheEmailsHtmlOnlyInASandbox() throws Exception {
        send("eve@example.org", "<script>alert(1)</script>", "text", "<p onclick=\"x()\">html</p>");

        HttpResponse<String> list = get("/");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
        assertThat(list.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).startsWith("default-src 'none'").doesNotContain("script-src"));

        String id = json("/api/v1/messages").path("messages").get(0).path("ID").asString();
        HttpResponse<String> view = get("/view/" + id);
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).contains("<iframe title=\"The email as HTML\" sandbox=\"allow-popups",
                "&lt;p onclick=&quot;x()&quot;&gt;html&lt;/p&gt;", "List-Unsubscribe");
        assertThat(get("/view/0000000000").statusCode()).isEqualTo(404);
    }

    @Test
    void deletingEveryEmailEmptiesTheCatcher() throws Exception {
        send("a@example.org", "one", "1", "<p>1</p>");
        send("b@example.org", "two", "2", "<p>2</p>");
        assertThat(json("/api/v1/messages").path("total").asInt()).isEqualTo(2);

        HttpResponse<String> deleted = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/messages")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(json("/api/v1/messages").path("total").asInt()).isZero();
    }

    private void send(String to, String subject, String text, String html) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(catcher.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("no-reply@example.org", "Community Camera Registry"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, "Dana Müller", "UTF-8"));
        message.setSubject(subject, "UTF-8");
        message.setHeader("List-Unsubscribe", "<https://example.org/unsubscribe?token=t>");
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8");
        MimeBodyPart rich = new MimeBodyPart();
        rich.setContent(html, "text/html; charset=UTF-8");
        alternative.addBodyPart(plain);
        alternative.addBodyPart(rich);
        message.setContent(alternative);
        Transport.send(message);
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        return JsonMapper.shared().readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(catcher.webUrl() + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
