package org.cameraregistry.notification.preference;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.cameraregistry.notification.NotificationProperties;
import org.cameraregistry.notification.delivery.NotificationKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The signed tokens in unsubscribe and preference links, which act for an account without a sign-in:
 * {@code base64url(account id, kind or "*", expiry) "." base64url(HMAC-SHA256)}. A token names one
 * kind (the one-click unsubscribe of that kind) or every kind ({@code *}: the preferences page).
 */
@Component
public class UnsubscribeTokens {

    /** The scope of a token that may change every optional kind. */
    public static final String EVERY_KIND = "*";

    private static final Logger log = LoggerFactory.getLogger(UnsubscribeTokens.class);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final NotificationProperties.Unsubscribe settings;
    private final Clock clock;

    UnsubscribeTokens(NotificationProperties properties, Clock clock) {
        this.settings = properties.unsubscribe();
        this.clock = clock;
        byte[] secret;
        if (settings.signingKey() == null || settings.signingKey().isBlank()) {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            log.warn("notification.unsubscribe.signing-key is not set: unsubscribe links are signed with a random key"
                    + " and stop working when this instance restarts, and other instances refuse them");
        } else {
            secret = Base64.getDecoder().decode(settings.signingKey());
            if (secret.length < 32) {
                throw new IllegalArgumentException("notification.unsubscribe.signing-key must be at least 32 bytes");
            }
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** A token for the one-click unsubscribe of {@code kind}. */
    public String forKind(UUID accountId, NotificationKind kind) {
        return issue(accountId, kind.key());
    }

    /** A token for the account's preferences page. */
    public String forPreferences(UUID accountId) {
        return issue(accountId, EVERY_KIND);
    }

    /** What {@code token} allows, if it is genuine and unexpired. */
    public Optional<Grant> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(sign(payload), signature)) {
            return Optional.empty();
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        if (!clock.instant().isBefore(expiresAt)) {
            return Optional.of(new Grant(UUID.fromString(parts[0]), parts[1], expiresAt, true));
        }
        return Optional.of(new Grant(UUID.fromString(parts[0]), parts[1], expiresAt, false));
    }

    private String issue(UUID accountId, String scope) {
        long expiresAt = clock.instant().plus(settings.linkValidity()).getEpochSecond();
        byte[] payload = (accountId + "|" + scope + "|" + expiresAt).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * What a genuine token allows.
     *
     * @param accountId the account it acts for
     * @param scope     a kind's key, or {@link #EVERY_KIND}
     * @param expiresAt when it stops working
     * @param expired   whether it has stopped working
     */
    public record Grant(UUID accountId, String scope, Instant expiresAt, boolean expired) {
    }
}
