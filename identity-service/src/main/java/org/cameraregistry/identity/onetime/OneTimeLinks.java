package org.cameraregistry.identity.onetime;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.cameraregistry.identity.IdentityProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One-time links (collection {@code one_time_links}): a random token of 256 bits goes in the email;
 * only its SHA-256 is stored, so the database cannot be used to open an account. A link works once,
 * even when opened twice at the same moment (the redemption is one conditional write), and not
 * after it expires. Expired links are removed by a TTL index a day after.
 */
@Component
public class OneTimeLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> links;
    private final URI publicBaseUrl;
    private final Clock clock;

    /** @param publicBaseUrl where people reach the pages the links open */
    public OneTimeLinks(MongoDatabase database, URI publicBaseUrl, Clock clock) {
        this.links = database.getCollection("one_time_links");
        this.publicBaseUrl = publicBaseUrl;
        this.clock = clock;
    }

    @Autowired
    OneTimeLinks(MongoDatabase database, IdentityProperties properties, Clock clock) {
        this(database, properties.publicBaseUrl(), clock);
    }

    public void ensureIndexes() {
        links.createIndex(Indexes.ascending("expiresAt"),
                new IndexOptions().expireAfter(TimeUnit.DAYS.toSeconds(1), TimeUnit.SECONDS).name("forget_expired_links"));
    }

    /** A new link for {@code accountId} to the page of its purpose, working for {@code validity}. */
    public Issued issue(UUID accountId, LinkPurpose purpose, Duration validity) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = clock.instant().plus(validity);
        links.insertOne(new Document("_id", fingerprint(token))
                .append("accountId", accountId)
                .append("purpose", purpose.name())
                .append("expiresAt", Date.from(expiresAt)));
        URI link = UriComponentsBuilder.fromUri(publicBaseUrl).path(purpose.page()).queryParam("token", token).build().toUri();
        return new Issued(token, link, expiresAt);
    }

    /** Uses the link up, if it has one of {@code purposes}; the account it was for, or why it does not work. */
    public UUID redeem(String token, LinkPurpose... purposes) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw new RefusedLinkException(RefusedLinkException.Why.UNKNOWN);
        }
        List<String> names = Arrays.stream(purposes).map(LinkPurpose::name).toList();
        Document link = links.findOneAndUpdate(
                and(eq("_id", fingerprint(token)), in("purpose", names), exists("usedAt", false)),
                Updates.set("usedAt", Date.from(clock.instant())),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        if (link == null) {
            throw new RefusedLinkException(RefusedLinkException.Why.UNKNOWN);
        }
        if (!link.getDate("expiresAt").toInstant().isAfter(clock.instant())) {
            throw new RefusedLinkException(RefusedLinkException.Why.EXPIRED);
        }
        return link.get("accountId", UUID.class);
    }

    /** Forgets every link of an account: an erased account leaves none that works. */
    public void forget(UUID accountId) {
        links.deleteMany(eq("accountId", accountId));
    }

    /** What is stored of a link's token: its SHA-256, never the token. */
    public static String fingerprint(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param token     what goes in the link
     * @param link      the link to email
     * @param expiresAt when it stops working
     */
    public record Issued(String token, URI link, Instant expiresAt) {
    }
}
