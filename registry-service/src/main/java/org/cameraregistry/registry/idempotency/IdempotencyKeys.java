package org.cameraregistry.registry.idempotency;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * What each client's {@code Idempotency-Key} created, for as long as a repeat must answer the same:
 * the key, a hash of the request it came with, and the id and time of the resource it created.
 * The claim is written before the resource, so a request cut short between the two is completed
 * by its repeat, with the same id; the resource's own unique id makes that second insert harmless.
 * Holds no personal data: a hash, an id and two times.
 */
public class IdempotencyKeys {

    static final String COLLECTION = "idempotency_keys";
    private static final Bson CLAIM = Projections.include("requestHash", "resourceId", "createdAt", "expiresAt",
            "completed");

    private final MongoCollection<Document> keys;
    private final Duration lifetime;

    public IdempotencyKeys(MongoDatabase database, Duration lifetime) {
        this.keys = database.getCollection(COLLECTION);
        this.lifetime = lifetime;
    }

    public void ensureIndexes() {
        // Where MongoDB runs, it removes expired keys itself; elsewhere an expired key is simply replaced.
        keys.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS)
                .name("idempotency_expiry"));
    }

    /**
     * The claim on {@code key}: a new one for {@code proposedId} at {@code now}, or the one an
     * earlier request with the same key made, if it has not expired. Concurrent requests with one
     * key all get the same claim.
     */
    public Claim claim(String key, String requestHash, UUID proposedId, Instant now) {
        Document claim = newClaim(key, requestHash, proposedId, now);
        while (true) {
            // Insert first: a repeat is the exception, so the usual request costs one write and no read.
            try {
                keys.insertOne(claim);
                return Claim.of(claim);
            } catch (MongoWriteException e) {
                if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            // A projection: the embedded wire server then copies the claim under its lock (docs/adr/0001).
            Document existing = keys.find(eq("_id", key)).projection(CLAIM).first();
            if (existing == null) {
                continue;
            }
            if (existing.getDate("expiresAt").toInstant().isAfter(now)) {
                return Claim.of(existing);
            }
            if (keys.replaceOne(and(eq("_id", key), lte("expiresAt", Date.from(now))), claim).getModifiedCount() == 1) {
                return Claim.of(claim);
            }
            // Another request replaced the expired claim first: read its claim.
        }
    }

    /** Marks the claim's resource as created, so that a repeat answers without trying to create it. */
    public void complete(String key) {
        keys.updateOne(eq("_id", key), Updates.set("completed", true));
    }

    /** Forgets every key that starts with {@code prefix}: all of one owner's, when the owner is erased. */
    public void forgetAllOf(String prefix) {
        keys.deleteMany(regex("_id", "^" + Pattern.quote(prefix)));
    }

    private Document newClaim(String key, String requestHash, UUID resourceId, Instant now) {
        return new Document("_id", key)
                .append("requestHash", requestHash)
                .append("resourceId", resourceId)
                .append("createdAt", Date.from(now))
                .append("expiresAt", Date.from(now.plus(lifetime)))
                .append("completed", false);
    }

    /**
     * A key's claim.
     *
     * @param requestHash what the first request with the key asked for
     * @param resourceId  the id its resource has (or will have, if {@code completed} is false)
     * @param createdAt   when the first request was answered
     * @param completed   whether the resource was certainly created
     */
    public record Claim(String key, String requestHash, UUID resourceId, Instant createdAt, boolean completed) {

        static Claim of(Document document) {
            return new Claim(document.getString("_id"), document.getString("requestHash"),
                    document.get("resourceId", UUID.class), document.getDate("createdAt").toInstant(),
                    document.getBoolean("completed", false));
        }

        /** Whether {@code requestHash} asks for what the first request asked for. */
        public boolean sameRequest(String requestHash) {
            return this.requestHash.equals(requestHash);
        }
    }
}
