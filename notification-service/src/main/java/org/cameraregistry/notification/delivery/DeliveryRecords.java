package org.cameraregistry.notification.delivery;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * One record per email (collection {@code deliveries}), keyed by {@code <event id>/<account id>/<kind>},
 * so that an event delivered twice by Kafka sends one email: the first to insert the record sends it;
 * whoever comes later finds it sent, failed, or being sent. The record also says whether its outcome
 * event is published yet, which makes it the outbox of {@code notification-delivered} and
 * {@code notification-failed}.
 */
@Component
public class DeliveryRecords {

    static final String SENDING = "SENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";

    private final MongoCollection<Document> deliveries;
    private final Clock clock;

    DeliveryRecords(MongoDatabase database, Clock clock) {
        this.deliveries = database.getCollection("deliveries");
        this.clock = clock;
    }

    /**
     * Claims the sending of {@code notification}: {@link Claim#claimed()} if this caller is to send it,
     * which is so if nobody has, or if whoever started to has not finished within {@code takeOverAfter}
     * (it may have stopped half way: the email may then go out twice, never not at all).
     */
    public Claim claim(Notification notification, Duration takeOverAfter) {
        Instant now = clock.instant();
        while (true) {
            try {
                deliveries.insertOne(new Document("_id", notification.id())
                        .append("accountId", notification.accountId())
                        .append("kind", notification.kind().key())
                        .append("causeEventIds", notification.causeEventIds())
                        .append("state", SENDING)
                        .append("claimedAt", Date.from(now))
                        .append("claims", 1)
                        .append("outcomePublished", false));
                return Claim.CLAIMED;
            } catch (MongoWriteException e) {
                if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            // Named fields: the wire server then copies the document under its lock, so a claim read
            // while another instance takes it over is never half old, half new (docs/adr/0001).
            Document stored = deliveries.find(eq("_id", notification.id())).projection(RECORD).first();
            if (stored == null) {
                continue; // released meanwhile (its attempts were spent): claim it anew
            }
            if (!SENDING.equals(stored.getString("state"))) {
                return new Claim(false, toRecord(stored));
            }
            boolean stale = !stored.getDate("claimedAt").toInstant().isAfter(now.minus(takeOverAfter));
            if (stale && deliveries.updateOne(and(eq("_id", notification.id()), eq("claims", stored.getInteger("claims"))),
                    Updates.combine(Updates.inc("claims", 1), Updates.set("claimedAt", Date.from(now))))
                    .getModifiedCount() == 1) {
                return Claim.CLAIMED;
            }
            return Claim.BUSY;
        }
    }

    /** The mail server accepted it. */
    public Record sent(String id) {
        return finish(id, Updates.set("state", SENT));
    }

    /** It failed for good. */
    public Record failed(String id, DeliveryFailure failure) {
        return finish(id, Updates.combine(Updates.set("state", FAILED), Updates.set("reason", failure.code())));
    }

    /** Lets go of a claim whose attempts were spent, so that a replay of the event from its dead-letter topic sends it. */
    public void release(String id) {
        deliveries.deleteOne(and(eq("_id", id), eq("state", SENDING)));
    }

    /** Its outcome event is on Kafka. */
    public void outcomePublished(String id) {
        deliveries.updateOne(eq("_id", id), Updates.set("outcomePublished", true));
    }

    /** Finished deliveries whose outcome event is not published yet, finished before {@code before}. */
    public List<Record> unpublishedOutcomes(Instant before, int limit) {
        List<Record> records = new ArrayList<>();
        deliveries.find(and(eq("outcomePublished", false), ne("state", SENDING), lt("finishedAt", Date.from(before))))
                .limit(limit).forEach(document -> records.add(toRecord(document)));
        return records;
    }

    /** Forgets every delivery to the account. */
    public long forget(UUID accountId) {
        return deliveries.deleteMany(eq("accountId", accountId)).getDeletedCount();
    }

    /** How many deliveries to the account are recorded. */
    public long count(UUID accountId) {
        return deliveries.countDocuments(eq("accountId", accountId));
    }

    private Record finish(String id, Bson state) {
        Instant now = clock.instant();
        Document updated = deliveries.findOneAndUpdate(eq("_id", id),
                Updates.combine(state, Updates.set("finishedAt", Date.from(now))),
                new FindOneAndUpdateOptions()
                        .returnDocument(ReturnDocument.AFTER));
        if (updated == null) {
            throw new IllegalStateException("delivery " + id + " vanished while it was being sent");
        }
        return toRecord(updated);
    }

    private static final Bson RECORD = Projections.include("accountId", "kind", "causeEventIds", "state", "reason",
            "claimedAt", "claims", "finishedAt", "outcomePublished");

    private static Record toRecord(Document document) {
        Date finished = document.getDate("finishedAt");
        return new Record(document.getString("_id"), document.get("accountId", UUID.class),
                document.getString("kind"), document.getList("causeEventIds", String.class),
                document.getString("state"), document.getString("reason"),
                finished == null ? null : finished.toInstant(), document.getBoolean("outcomePublished", false));
    }

    /**
     * What a claim found.
     *
     * @param claimed whether the caller is to send the email
     * @param done    the finished delivery found instead, or null (claimed, or still being sent elsewhere)
     */
    public record Claim(boolean claimed, Record done) {

        static final Claim CLAIMED = new Claim(true, null);
        static final Claim BUSY = new Claim(false, null);
    }

    /**
     * A delivery.
     *
     * @param state      SENDING, SENT or FAILED
     * @param reason     a {@link DeliveryFailure#code()} if it failed
     * @param finishedAt when it was sent or failed
     */
    public record Record(String id, UUID accountId, String kind, List<String> causeEventIds, String state,
            String reason, Instant finishedAt, boolean outcomePublished) {

        public boolean sent() {
            return SENT.equals(state);
        }
    }
}
