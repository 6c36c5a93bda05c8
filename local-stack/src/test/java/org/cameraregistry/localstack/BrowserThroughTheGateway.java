package org.cameraregistry.localstack;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a browser does with the gateway: keeps cookies, follows redirects one by one, fills in the
 * provider's sign-in form, and sends the CSRF token the session gives. It remembers every answer it
 * was given, headers and bodies, so that a test can tell what a browser could ever have seen.
 */
final class BrowserThroughTheGateway {

    /** A JWT's shape: two base64url JSON objects and a signature. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]+");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private static final JsonMapper JSON = new JsonMapper();

    private final URI gateway;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final List<HttpResponse<String>> seen = new ArrayList<>();

    BrowserThroughTheGateway(String gatewayUrl) {
        this.gateway = URI.create(gatewayUrl);
    }

    /**
     * Signs in through the gateway at the provider's form, landing on the portal's "my cameras" page;
     * the answer of {@code GET /session} then.
     */
    JsonNode signIn(String email, String password) {
        HttpResponse<String> answer = follow(send(page(gateway.resolve("/oauth2/authorization/camera-registry")).GET()));
        if (answer.statusCode() != 200 || !answer.uri().getPath().equals("/login")) {
            throw new IllegalStateException("signing in did not reach the provider's form: " + answer.statusCode() + " " + answer.uri());
        }
        String form = form(Map.of("email", email, "password", password, "_csrf", field(answer.body())));
        HttpResponse<String> landed = follow(send(page(answer.uri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))));
        if (!landed.uri().getPath().equals("/cameras")) {
            throw new IllegalStateException("signing in landed on " + landed.uri() + " (" + landed.statusCode() + "), by "
                    + seen.stream().map(step -> step.request().method() + " " + step.uri() + " " + step.statusCode()).toList());
        }
        return session();
    }

    /** {@code GET /session}: whether signed in, and the CSRF token. */
    JsonNode session() {
        return JSON.readTree(get("/session").body());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(gateway.resolve(path)).GET());
    }

    /** A JSON request, with the session's CSRF token in its header when {@code csrf} says so. */
    HttpResponse<String> send(String method, String path, String json, boolean csrf) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (csrf) {
            JsonNode token = session().path("csrf");
            request.header(token.path("headerName").asString(), token.path("token").asString());
        }
        return send(request);
    }

    /** Signs out as the page's sign-out button does; the redirects followed, the last answer. */
    HttpResponse<String> signOut() {
        String token = session().path("csrf").path("token").asString();
        return follow(send(page(gateway.resolve("/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("_csrf", token))))));
    }

    /** The value of every session cookie the gateway set, in order. */
    List<String> sessionIdsSet() {
        return seen.stream()
                .filter(answer -> answer.uri().getPort() == gateway.getPort())
                .flatMap(answer -> answer.headers().allValues("Set-Cookie").stream())
                .filter(cookie -> cookie.startsWith("SESSION="))
                .map(cookie -> cookie.substring("SESSION=".length(), cookie.indexOf(';')))
                .toList();
    }

    /** The Set-Cookie headers of the gateway's session cookie. */
    List<String> sessionCookies() {
        return seen.stream().flatMap(answer -> answer.headers().allValues("Set-Cookie").stream())
                .filter(cookie -> cookie.startsWith("SESSION=")).toList();
    }

    /** Every JWT in anything this browser was given: bodies and headers of every answer. */
    List<String> tokensSeen() {
        List<String> tokens = new ArrayList<>();
        for (HttpResponse<String> answer : seen) {
            String everything = answer.headers().map().toString() + "\n" + answer.body();
            Matcher matcher = JWT.matcher(everything);
            while (matcher.find()) {
                tokens.add(matcher.group());
            }
        }
        return tokens;
    }

    private HttpResponse<String> follow(HttpResponse<String> answer) {
        HttpResponse<String> current = answer;
        for (int hops = 0; current.statusCode() / 100 == 3 && hops < 10; hops++) {
            URI next = current.uri().resolve(current.headers().firstValue("Location").orElseThrow());
            current = send(page(next).GET());
        }
        return current;
    }

    private static HttpRequest.Builder page(URI uri) {
        return HttpRequest.newBuilder(uri).header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> answer = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            seen.add(answer);
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String field(String html) {
        Matcher matcher = CSRF_FIELD.matcher(html);
        if (!matcher.find()) {
            throw new IllegalStateException("the sign-in form has no CSRF field");
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
