package org.cameraregistry.registry.pairing;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * One-time codes that pair a relay ("CORE") device with a Level 2 camera, in the registry's
 * {@code pairing_codes} collection. Only the code's SHA-256 is stored, so the collection does not
 * hold a usable code; a camera has at most one code at a time (a new one replaces it); a code is
 * taken by one atomic delete, so of two devices sending it at once exactly one pairs.
 */
public class PairingCodes {

    /** Twelve characters from 31 that are not mistaken for each other when read aloud or typed (no 0, O, 1, I, L). */
    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final int LENGTH = 12;

    private final MongoCollection<Document> codes;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    public PairingCodes(MongoDatabase database, Duration lifetime) {
        this.codes = database.getCollection("pairing_codes");
        this.lifetime = lifetime;
    }

    public void ensureIndexes() {
        codes.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS)
                .name("forget_expired_codes"));
        codes.createIndex(Indexes.ascending("cameraId"));
    }

    /** A new code for the camera, replacing any earlier one; shown once, never stored. */
    public Issued issue(UUID cameraId, UUID ownerId, Instant now) {
        String code = newCode();
        Instant expiresAt = now.plus(lifetime);
        codes.deleteMany(eq("cameraId", cameraId));
        codes.insertOne(new Document("_id", fingerprint(code))
                .append("cameraId", cameraId)
                .append("ownerId", ownerId)
                .append("expiresAt", Date.from(expiresAt)));
        return new Issued(code, expiresAt);
    }

    /** Takes the code: the camera it pairs with, if it was issued, is unexpired and was not taken before. */
    public Optional<Paired> redeem(String code, Instant now) {
        Document taken = codes.findOneAndDelete(and(eq("_id", fingerprint(code)), gt("expiresAt", Date.from(now))));
        return Optional.ofNullable(taken).map(document -> new Paired(document.get("cameraId", UUID.class),
                document.get("ownerId", UUID.class)));
    }

    /** Forgets the codes of all an erased owner's cameras. */
    public void forgetOwner(UUID ownerId) {
        codes.deleteMany(eq("ownerId", ownerId));
    }

    private String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** As typed: case and separators do not matter. */
    static String fingerprint(String code) {
        String canonical = code.toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]", "");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * @param code      the code, such as {@code 7KQ3-MX9P-2RTW}
     * @param expiresAt when it stops working
     */
    public record Issued(String code, Instant expiresAt) {
    }

    /**
     * @param cameraId the camera the device now relays
     * @param ownerId  its owner
     */
    public record Paired(UUID cameraId, UUID ownerId) {
    }
}
