package org.cameraregistry.geo.incident;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.cameraregistry.outbox.Outbox;
import org.cameraregistry.outbox.PendingEvent;

/**
 * The incidents geo-search has located, one document each: the state last located and, in its
 * outbox, the {@code incident-cameras-located} events waiting for Kafka. A state is recorded with
 * its event in one conditional write, only if it is later than the one stored, so a redelivered
 * or overtaken event publishes nothing.
 */
class IncidentStore {

    private static final String AS_OF = "asOf";
    /** Far more than concurrent writers of one incident ever race (one per incident topic). */
    private static final int MAX_ATTEMPTS = 16;

    private final MongoCollection<Document> incidents;
    private final Outbox outbox;

    IncidentStore(MongoDatabase database) {
        this.incidents = database.getCollection("incidents");
        this.outbox = new Outbox(incidents);
    }

    Outbox outbox() {
        return outbox;
    }

    void ensureIndexes() {
        outbox.ensureIndexes();
    }

    /** Whether this state, or a later one, of the incident was recorded already. */
    boolean holdsAtLeast(IncidentState state) {
        Document stored = incidents.find(eq("_id", state.incidentId())).projection(Projections.include(AS_OF)).first();
        return stored != null && !stored.getDate(AS_OF).toInstant().isBefore(state.asOf());
    }

    /**
     * Records a located state and its event unless this or a later state is stored; true if it was.
     * A duplicate-key error means another writer inserted the incident between the filter and the
     * insert: the stored state then decides, as in the cameras' store.
     */
    boolean record(IncidentState state, int radiusMeters, int cameras, PendingEvent located) {
        Date asOf = Date.from(state.asOf());
        for (int attempt = 1; ; attempt++) {
            try {
                incidents.updateOne(and(eq("_id", state.incidentId()), lt(AS_OF, asOf)), Updates.combine(
                        Updates.set(AS_OF, asOf),
                        Updates.set("departmentId", state.departmentId()),
                        Updates.set("incidentType", state.incidentType()),
                        Updates.set("location", new Document("type", "Point")
                                .append("coordinates", List.of(state.longitude(), state.latitude()))),
                        Updates.set("radiusMeters", radiusMeters),
                        Updates.set("cameras", cameras),
                        Outbox.append(located)), new UpdateOptions().upsert(true));
                return true;
            } catch (MongoWriteException e) {
                if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                if (holdsAtLeast(state)) {
                    return false;
                }
            }
        }
    }
}
