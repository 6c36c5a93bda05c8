package org.cameraregistry.localstack.mail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mail catcher's web page ({@code /}, {@code /view/{id}}) and its API, the subset of Mailpit's
 * that tests use: {@code GET /api/v1/messages}, {@code GET /api/v1/message/{id}},
 * {@code GET /api/v1/message/{id}/headers} and {@code DELETE /api/v1/messages}.
 */
final class MailCatcherWeb implements HttpHandler {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Pattern MESSAGE = Pattern.compile("/api/v1/message/([0-9a-f]+)(/headers)?");
    private static final Pattern VIEW = Pattern.compile("/view/([0-9a-f]+)");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    /**
     * An email's HTML is shown in a sandboxed frame with no script; its inline styles are allowed,
     * its links open in a new tab.
     */
    private static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:;"
            + " frame-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    private final MailCatcher catcher;

    MailCatcherWeb(MailCatcher catcher) {
        this.catcher = catcher;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Matcher message = MESSAGE.matcher(path);
            Matcher view = VIEW.matcher(path);
            if (method.equals("GET") && path.equals("/api/v1/messages")) {
                List<CaughtEmail> emails = catcher.emails();
                json(exchange, 200, Map.of("total", emails.size(), "count", emails.size(),
                        "messages", emails.stream().map(MailCatcherWeb::summary).toList()));
            } else if (method.equals("DELETE") && path.equals("/api/v1/messages")) {
                catcher.deleteAll();
                send(exchange, 200, "text/plain", "ok");
            } else if (method.equals("GET") && message.matches()) {
                Optional<CaughtEmail> email = catcher.email(message.group(1));
                if (email.isEmpty()) {
                    send(exchange, 404, "text/plain", "no such message");
                } else if (message.group(2) != null) {
                    json(exchange, 200, email.get().headers());
                } else {
                    json(exchange, 200, whole(email.get()));
                }
            } else if (method.equals("GET") && path.equals("/")) {
                page(exchange, 200, list(catcher.emails()));
            } else if (method.equals("GET") && view.matches()) {
                Optional<CaughtEmail> email = catcher.email(view.group(1));
                page(exchange, email.isPresent() ? 200 : 404,
                        email.map(MailCatcherWeb::detail).orElse("<p>No such email; it may have been deleted.</p>"));
            } else {
                send(exchange, 404, "text/plain", "not found");
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "text/plain", "the mail catcher failed: " + e);
        }
    }

    private static Map<String, Object> summary(CaughtEmail email) {
        return Map.of("ID", email.id(), "From", address(email.from()), "To", email.to().stream()
                .map(MailCatcherWeb::address).toList(), "Subject", email.subject(), "Created", email.receivedAt().toString());
    }

    private static Map<String, Object> whole(CaughtEmail email) {
        return Map.of("ID", email.id(), "From", address(email.from()), "To", email.to().stream()
                .map(MailCatcherWeb::address).toList(), "Subject", email.subject(), "Date", email.receivedAt().toString(),
                "Text", email.text(), "HTML", email.html());
    }

    private static Map<String, String> address(CaughtEmail.Address address) {
        return Map.of("Name", address.name(), "Address", address.address());
    }

    private static String list(List<CaughtEmail> emails) {
        StringBuilder html = new StringBuilder("<h1>Mail catcher</h1><p>Every email the local stack sent, the newest"
                + " first; none left this machine. Reload to see new ones. API: <code>/api/v1/messages</code>.</p>");
        if (emails.isEmpty()) {
            return html.append("<p>No email yet.</p>").toString();
        }
        html.append("<table><thead><tr><th>Received</th><th>To</th><th>Subject</th></tr></thead><tbody>");
        for (CaughtEmail email : emails) {
            html.append("<tr><td>").append(SHOWN.format(email.receivedAt())).append("</td><td>")
                    .append(escape(String.join(", ", email.to().stream().map(CaughtEmail.Address::address).toList())))
                    .append("</td><td><a href=\"/view/").append(email.id()).append("\">")
                    .append(escape(email.subject().isEmpty() ? "(no subject)" : email.subject())).append("</a></td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    private static String detail(CaughtEmail email) {
        StringBuilder html = new StringBuilder("<p><a href=\"/\">&larr; All emails</a></p><h1>")
                .append(escape(email.subject())).append("</h1><dl>");
        for (String name : List.of("From", "To", "Date", "List-Unsubscribe", "List-Unsubscribe-Post")) {
            List<String> values = email.headers().get(name);
            if (values != null) {
                html.append("<dt>").append(name).append("</dt><dd>").append(escape(String.join(", ", values))).append("</dd>");
            }
        }
        html.append("</dl>");
        if (!email.html().isEmpty()) {
            html.append("<h2>HTML</h2><iframe title=\"The email as HTML\" sandbox=\"allow-popups"
                    + " allow-popups-to-escape-sandbox\" srcdoc=\"")
                    .append(escape("<base target=\"_blank\">" + email.html())).append("\"></iframe>");
        }
        html.append("<h2>Plain text</h2><pre>").append(escape(email.text())).append("</pre>");
        html.append("<h2>Headers</h2><pre>");
        email.headers().forEach((name, values) -> values.forEach(value ->
                html.append(escape(name)).append(": ").append(escape(value)).append('\n')));
        return html.append("</pre>").toString();
    }

    private static void page(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().set("Content-Security-Policy", PAGE_POLICY);
        send(exchange, status, "text/html; charset=utf-8", """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1"><title>Mail catcher</title>
                <style>body{font:16px/1.5 Arial,Helvetica,sans-serif;margin:16px;color:#1b1f23}
                table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #d0d7de}
                iframe{width:100%;height:600px;border:1px solid #d0d7de}pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f4f6f8;padding:8px}
                dt{font-weight:bold}dd{margin:0 0 8px;word-break:break-all}a{color:#0969da}</style></head><body>
                """ + body + "</body></html>");
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", JSON.writeValueAsString(body));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** What a user typed may be in a subject or an address: shown as text, never as markup. */
    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
