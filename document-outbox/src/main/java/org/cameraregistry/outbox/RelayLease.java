package org.cameraregistry.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Which instance relays an outbox: one at a time, so that several instances of a service do not
 * publish the same events twice. The holder renews its lease on every pass; another instance takes
 * over once it has not been renewed for its duration (the holder stopped, or lost MongoDB).
 *
 * <p>A holder that stalls longer than the lease (a long pause) may relay beside its successor for
 * a moment; consumers tolerate the duplicates (delivery is at least once anyway). Leases are kept
 * in the service's own database, one document per outbox, in the {@value #COLLECTION} collection.
 */
public final class RelayLease {

    static final String COLLECTION = "outbox_leases";
    /** A projection, so that the embedded wire server copies the lease under its lock (docs/adr/0001). */
    private static final Bson LEASE = Projections.include("holder", "expiresAt");

    private final MongoCollection<Document> leases;
    private final String outbox;
    private final String holder;
    private final Duration duration;
    private final Clock clock;

    public RelayLease(MongoDatabase database, String outbox, String holder, Duration duration, Clock clock) {
        this.leases = database.getCollection(COLLECTION);
        this.outbox = outbox;
        this.holder = holder;
        this.duration = duration;
        this.clock = clock;
    }

    /** Takes or renews the lease; true if this instance holds it now. */
    public boolean acquire() {
        Instant now = clock.instant();
        Document current = leases.find(eq("_id", outbox)).projection(LEASE).first();
        if (current != null && !holder.equals(current.getString("holder"))
                && current.getDate("expiresAt").toInstant().isAfter(now)) {
            // Held by another instance: asking to write would only be refused (a standby asks on every poll).
            return false;
        }
        try {
            Document lease = leases.findOneAndUpdate(
                    and(eq("_id", outbox), or(eq("holder", holder), lte("expiresAt", Date.from(now)))),
                    Updates.combine(Updates.set("holder", holder), Updates.set("expiresAt", Date.from(now.plus(duration)))),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            return lease != null && holder.equals(lease.getString("holder"));
        } catch (MongoException e) {
            // Another instance holds an unexpired lease: the filter found nothing and the insert collided with it.
            // (findAndModify is a command: the driver reports its duplicate key as a command error.)
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Gives the lease up, if held, so that another instance takes over at once. */
    public void release() {
        leases.deleteOne(and(eq("_id", outbox), eq("holder", holder)));
    }

    /** Who holds the lease now, if anyone holds an unexpired one. */
    public String holder() {
        Document lease = leases.find(eq("_id", outbox)).projection(LEASE).first();
        return lease == null || !lease.getDate("expiresAt").toInstant().isAfter(clock.instant())
                ? null : lease.getString("holder");
    }

    public String instance() {
        return holder;
    }
}
