package org.cameraregistry.cli;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs an account in the way a first-party public client does (OAuth 2.1 authorization code with
 * PKCE, RFC 7636), filling in the provider's sign-in form itself instead of opening a browser: ask
 * for a code, sign in on the page the provider sends the request to, take the code from the
 * redirect to the loopback address (RFC 8252), and trade it with the verifier for tokens.
 */
public final class SignIn {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private static final JsonMapper JSON = new JsonMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI issuer;
    private final String clientId;
    private final URI redirectUri;

    /**
     * @param issuer      the provider, such as {@code http://localhost:8086}
     * @param clientId    the public client, {@code camera-cli}
     * @param redirectUri its loopback redirect, such as {@code http://127.0.0.1:53682/callback}
     */
    public SignIn(URI issuer, String clientId, URI redirectUri) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
    }

    /** Signs in as the command line does: the public client {@code camera-cli}, on a loopback redirect. */
    public static SignIn asCameraCli(URI issuer) {
        return new SignIn(issuer, CameraCli.CLIENT_ID, CameraCli.REDIRECT_URI);
    }

    /** Signs in with an address and a password; the tokens, or why the provider refused. */
    public Tokens withPassword(String email, String password) {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        String verifier = randomToken();
        String state = randomToken();
        Map<String, String> authorize = new LinkedHashMap<>();
        authorize.put("response_type", "code");
        authorize.put("client_id", clientId);
        authorize.put("redirect_uri", redirectUri.toString());
        authorize.put("scope", "openid");
        authorize.put("state", state);
        authorize.put("code_challenge", challenge(verifier));
        authorize.put("code_challenge_method", "S256");
        URI authorizeUri = issuer.resolve("/oauth2/authorize?" + form(authorize));

        HttpResponse<String> answer = send(http, page(authorizeUri).GET().build());
        URI signInPage = redirectedTo(answer, authorizeUri, "the authorization request");
        HttpResponse<String> pageAnswer = send(http, page(signInPage).GET().build());
        if (pageAnswer.statusCode() != 200) {
            throw new SignInRefusedException("The sign-in page answered " + pageAnswer.statusCode());
        }
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("email", email);
        credentials.put("password", password);
        csrfToken(pageAnswer.body()).ifPresent(token -> credentials.put("_csrf", token));
        HttpResponse<String> signedIn = send(http, page(signInPage)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(credentials))).build());
        URI next = redirectedTo(signedIn, signInPage, "signing in");
        if (next.getPath().equals(signInPage.getPath())) {
            throw new SignInRefusedException(signedIn.statusCode() == 429
                    ? "Too many attempts: " + signedIn.headers().firstValue("Retry-After").map(s -> "try again in " + s + " s").orElse("wait")
                    : "The address or the password is not right, or the address is not verified yet");
        }
        HttpResponse<String> granted = send(http, page(next).GET().build());
        URI callback = redirectedTo(granted, next, "the authorization");
        Map<String, String> returned = query(callback);
        if (!state.equals(returned.get("state"))) {
            throw new SignInRefusedException("The provider returned another state than the one sent");
        }
        if (returned.containsKey("error")) {
            throw new SignInRefusedException("The provider refused: " + returned.get("error") + " "
                    + returned.getOrDefault("error_description", ""));
        }
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("code", returned.get("code"));
        exchange.put("redirect_uri", redirectUri.toString());
        exchange.put("client_id", clientId);
        exchange.put("code_verifier", verifier);
        HttpResponse<String> tokenAnswer = send(http, HttpRequest.newBuilder(issuer.resolve("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(exchange))).build());
        if (tokenAnswer.statusCode() != 200) {
            throw new SignInRefusedException("The token endpoint answered " + tokenAnswer.statusCode() + ": " + tokenAnswer.body());
        }
        JsonNode tokens = JSON.readTree(tokenAnswer.body());
        return new Tokens(tokens.path("access_token").asString(), tokens.path("id_token").asString(null),
                tokens.path("expires_in").asLong());
    }

    private static HttpRequest.Builder page(URI uri) {
        // The provider sends a browser, which accepts HTML, to its sign-in page; others get 401.
        return HttpRequest.newBuilder(uri).header("Accept", "text/html").timeout(Duration.ofSeconds(30));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SignInRefusedException("Could not reach " + request.uri() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInRefusedException("Interrupted");
        }
    }

    private static URI redirectedTo(HttpResponse<String> answer, URI from, String step) {
        if (answer.statusCode() == 429) {
            throw new SignInRefusedException("Too many attempts: try again in "
                    + answer.headers().firstValue("Retry-After").orElse("a while") + " s");
        }
        if (answer.statusCode() / 100 != 3) {
            throw new SignInRefusedException(step + " answered " + answer.statusCode() + " instead of a redirect");
        }
        return from.resolve(answer.headers().firstValue("Location")
                .orElseThrow(() -> new SignInRefusedException(step + " redirected nowhere")));
    }

    private static Optional<String> csrfToken(String html) {
        Matcher matcher = CSRF.matcher(html);
        return matcher.find() ? Optional.of(matcher.group(1) != null ? matcher.group(1) : matcher.group(2)) : Optional.empty();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                parameters.put(decode(name), decode(value));
            }
        }
        return parameters;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param accessToken the bearer token for the platform's API
     * @param idToken     the OpenID Connect ID token, if one came
     * @param expiresIn   seconds until the access token expires
     */
    public record Tokens(String accessToken, String idToken, long expiresIn) {
    }

    /** The provider did not sign the account in; the message says why, in words a user can act on. */
    public static final class SignInRefusedException extends RuntimeException {

        public SignInRefusedException(String message) {
            super(message);
        }
    }
}
