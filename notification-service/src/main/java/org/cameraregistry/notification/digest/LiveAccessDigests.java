package org.cameraregistry.notification.digest;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Live-access notices waiting to be told, gathered per owner into windows: the first notice opens
 * the owner's window (collection {@code digest_windows}), every notice until it is due joins it
 * (collection {@code live_access_notices}), and when it is due they go out as one email. A notice
 * keeps the due time of the window it joined, so a window that closes while another opens never
 * mixes the two.
 */
@Component
public class LiveAccessDigests {

    private final MongoCollection<Document> windows;
    private final MongoCollection<Document> notices;
    private final Clock clock;

    LiveAccessDigests(MongoDatabase database, Clock clock) {
        this.windows = database.getCollection("digest_windows");
        this.notices = database.getCollection("live_access_notices");
        this.clock = clock;
    }

    /** Adds {@code notice} to the owner's open window, opening one of {@code window} if none is; a notice added twice is added once. */
    public void add(UUID ownerId, LiveAccessNotice notice, Duration window) {
        Instant dueAt = openWindow(ownerId, window);
        try {
            notices.insertOne(new Document("_id", notice.eventId())
                    .append("ownerId", ownerId)
                    .append("dueAt", Date.from(dueAt))
                    .append("cameraId", notice.cameraId())
                    .append("departmentId", notice.departmentId())
                    .append("incidentId", notice.incidentId())
                    .append("openedAt", Date.from(notice.openedAt()))
                    .append("expiresAt", Date.from(notice.expiresAt())));
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** The windows due by {@code dueBy}, oldest first, each with its notices. */
    public List<Digest> due(Instant dueBy, int limit) {
        Map<String, Digest> digests = new LinkedHashMap<>();
        for (Document document : notices.find(lte("dueAt", Date.from(dueBy))).sort(Sorts.ascending("dueAt")).limit(limit)) {
            UUID ownerId = document.get("ownerId", UUID.class);
            Instant dueAt = document.getDate("dueAt").toInstant();
            digests.computeIfAbsent(ownerId + "/" + dueAt.toEpochMilli(), key -> new Digest(ownerId, dueAt, new ArrayList<>()))
                    .notices().add(toNotice(document));
        }
        return List.copyOf(digests.values());
    }

    /** The digest is told: its notices and its window go. */
    public void told(Digest digest) {
        notices.deleteMany(in("_id", digest.notices().stream().map(LiveAccessNotice::eventId).toList()));
        windows.deleteOne(and(eq("_id", digest.ownerId()), eq("dueAt", Date.from(digest.dueAt()))));
    }

    /** Forgets every waiting notice of the owner. */
    public void forget(UUID ownerId) {
        notices.deleteMany(eq("ownerId", ownerId));
        windows.deleteOne(eq("_id", ownerId));
    }

    /** How many notices wait for the owner. */
    public long waiting(UUID ownerId) {
        return notices.countDocuments(eq("ownerId", ownerId));
    }

    private Instant openWindow(UUID ownerId, Duration window) {
        while (true) {
            Instant now = clock.instant();
            Document open = windows.find(and(eq("_id", ownerId), gt("dueAt", Date.from(now)))).first();
            if (open != null) {
                return open.getDate("dueAt").toInstant();
            }
            Instant dueAt = now.plus(window);
            // A window that is due already is replaced, not joined: its digest may be going out.
            Document replaced = windows.findOneAndUpdate(and(eq("_id", ownerId), lte("dueAt", Date.from(now))),
                    Updates.set("dueAt", Date.from(dueAt)), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (replaced != null) {
                return dueAt;
            }
            try {
                windows.insertOne(new Document("_id", ownerId).append("dueAt", Date.from(dueAt)));
                return dueAt;
            } catch (MongoWriteException e) {
                if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // Another notice of the owner opened a window meanwhile: join it.
            }
        }
    }

    private static LiveAccessNotice toNotice(Document document) {
        return new LiveAccessNotice(document.getString("_id"), document.get("cameraId", UUID.class),
                document.getString("departmentId"), document.getString("incidentId"),
                document.getDate("openedAt").toInstant(), document.getDate("expiresAt").toInstant());
    }

    /**
     * The notices of one window.
     *
     * @param ownerId the owner told
     * @param dueAt   when the window closed
     */
    public record Digest(UUID ownerId, Instant dueAt, List<LiveAccessNotice> notices) {

        /** The email's id: one per owner and window. */
        public String notificationId() {
            return "live-access-digest/" + ownerId + "/" + dueAt.toEpochMilli();
        }
    }
}
