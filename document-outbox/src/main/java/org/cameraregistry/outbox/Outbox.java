package org.cameraregistry.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.size;

import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The events waiting inside the documents of one collection. A state change and its event are
 * written in one document write, the only atomic unit that every MongoDB deployment offers, so a
 * crash can lose neither without the other. The relay reads them from here and acknowledges them
 * once Kafka has them.
 *
 * <p>Fields of a document with events to relay:
 * <ul>
 * <li>{@value #EVENTS}: the waiting events, oldest first;</li>
 * <li>{@value #WAITING_SINCE}: when the oldest was written, absent when none waits, so that a
 * sparse index finds the waiting documents;</li>
 * <li>{@value #ATTEMPTS}, {@value #LAST_ERROR}, {@value #RETRY_AT}: while the oldest event keeps
 * failing, how often it failed, why, and when it is tried next (the relay skips the document
 * until then, so that the others flow);</li>
 * <li>{@value #PARKED}: events given up on, with the reason, until an operator re-queues them.</li>
 * </ul>
 * A document that only exists to carry its last events out (a deleted aggregate) is marked
 * {@value #REMOVE_AFTER_RELAY} and is removed once none waits and none is parked.
 */
public final class Outbox {

    public static final String EVENTS = "outbox";
    public static final String PARKED = "outboxParked";
    public static final String REMOVE_AFTER_RELAY = "removeAfterRelay";
    static final String WAITING_SINCE = "outboxSince";
    static final String ATTEMPTS = "outboxAttempts";
    static final String LAST_ERROR = "outboxLastError";
    static final String RETRY_AT = "outboxRetryAt";
    /** Every field the outbox keeps in a document, for readers of the document's own state to leave out. */
    public static final List<String> FIELDS = List.of(EVENTS, PARKED, WAITING_SINCE, ATTEMPTS, LAST_ERROR, RETRY_AT);

    private final MongoCollection<Document> collection;

    public Outbox(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /** The collection's name, which tells one outbox from another in logs and leases. */
    public String name() {
        return collection.getNamespace().getCollectionName();
    }

    /** The fields that put {@code events}, in order, in the outbox of a document being created or replaced whole. */
    public static Document with(Document document, PendingEvent... events) {
        return document
                .append(EVENTS, Stream.of(events).map(PendingEvent::toDocument).toList())
                .append(WAITING_SINCE, Date.from(events[0].createdAt()));
    }

    /** The update that appends {@code event} to a document's outbox, to be combined with the state change. */
    public static Bson append(PendingEvent event) {
        return Updates.combine(
                Updates.push(EVENTS, event.toDocument()),
                Updates.min(WAITING_SINCE, Date.from(event.createdAt())));
    }

    /** A filter for a document whose outbox holds fewer than {@code maximum} waiting events. */
    public static Bson hasRoom(int maximum) {
        return exists(EVENTS + "." + (maximum - 1), false);
    }

    public void ensureIndexes() {
        collection.createIndex(Indexes.ascending(WAITING_SINCE), new IndexOptions().sparse(true).name("outbox_waiting"));
        collection.createIndex(Indexes.ascending(PARKED + ".eventId"), new IndexOptions().sparse(true).name("outbox_parked"));
    }

    /** Up to {@code limit} documents with events due at {@code now}, the longest waiting first. */
    public List<Waiting> waiting(int limit, Instant now) {
        List<Waiting> waiting = new ArrayList<>();
        Bson due = and(exists(WAITING_SINCE), or(exists(RETRY_AT, false), lte(RETRY_AT, Date.from(now))));
        for (Document document : collection.find(due).sort(Sorts.ascending(WAITING_SINCE)).limit(limit)
                .projection(Projections.include(EVENTS, ATTEMPTS, REMOVE_AFTER_RELAY))) {
            List<?> entries = document.get(EVENTS) instanceof List<?> list ? list : List.of();
            waiting.add(new Waiting(document.get("_id"), List.copyOf(entries),
                    document.getInteger(ATTEMPTS, 0), document.getBoolean(REMOVE_AFTER_RELAY, false)));
        }
        return waiting;
    }

    /**
     * Records what one relay pass did with each document's events. A document whose every waiting
     * event was published, with none appended since, is emptied in one conditional write (one
     * bulk write for the whole batch, usually); the others have their published events pulled and
     * their failure recorded, then are marked as no longer waiting if nothing is left.
     */
    public void record(List<Outcome> outcomes, Instant now) {
        List<WriteModel<Document>> emptying = new ArrayList<>();
        List<Outcome> others = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome.publishedEverythingRead()) {
                emptying.add(emptied(outcome));
            } else {
                others.add(outcome);
            }
        }
        if (!emptying.isEmpty()) {
            BulkWriteResult result = collection.bulkWrite(emptying, new BulkWriteOptions().ordered(false));
            if (result.getMatchedCount() + result.getDeletedCount() < emptying.size()) {
                // Some document had an event appended meanwhile: record those the long way (repeating is harmless).
                others.addAll(outcomes.stream().filter(Outcome::publishedEverythingRead).toList());
            }
        }
        recordEach(others, now);
    }

    /**
     * Empties a document whose outbox still holds exactly the events read, all published; removes a
     * tombstone. The same events, not only as many: a document replaced whole meanwhile (a camera
     * deleted while its registration was relayed) has an outbox as long with another event in it.
     */
    private static WriteModel<Document> emptied(Outcome outcome) {
        Bson sameEvents = outcome.read() == 0
                ? size(EVENTS, 0)
                : and(exists(EVENTS + "." + outcome.read(), false),
                        eq(EVENTS + "." + (outcome.read() - 1) + ".eventId", outcome.published().getLast()));
        Bson unchanged = and(eq("_id", outcome.documentId()), sameEvents);
        if (outcome.removeAfterRelay()) {
            return new DeleteOneModel<>(and(unchanged, eq(REMOVE_AFTER_RELAY, true), or(exists(PARKED, false), size(PARKED, 0))));
        }
        return new UpdateOneModel<>(unchanged, Updates.combine(Updates.set(EVENTS, List.of()), Updates.unset(WAITING_SINCE),
                Updates.unset(ATTEMPTS), Updates.unset(LAST_ERROR), Updates.unset(RETRY_AT)));
    }

    private void recordEach(List<Outcome> outcomes, Instant now) {
        if (outcomes.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> changes = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            changes.add(new UpdateOneModel<>(eq("_id", outcome.documentId()), outcome.update(now)));
        }
        collection.bulkWrite(changes);
        List<WriteModel<Document>> emptied = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            Object id = outcome.documentId();
            // Conditional on an empty outbox: an event appended meanwhile keeps the document waiting.
            emptied.add(new UpdateOneModel<>(and(eq("_id", id), size(EVENTS, 0)),
                    Updates.combine(Updates.unset(WAITING_SINCE), Updates.unset(ATTEMPTS), Updates.unset(LAST_ERROR),
                            Updates.unset(RETRY_AT))));
            if (outcome.removeAfterRelay()) {
                emptied.add(new DeleteOneModel<>(and(eq("_id", id), eq(REMOVE_AFTER_RELAY, true), size(EVENTS, 0),
                        or(exists(PARKED, false), size(PARKED, 0)))));
            }
        }
        collection.bulkWrite(emptied);
    }

    /** The parked events, oldest first, at most {@code limit}. */
    public List<Parked> parked(int limit) {
        List<Parked> parked = new ArrayList<>();
        for (Document document : collection.find(exists(PARKED + ".0")).limit(limit).projection(Projections.include(PARKED))) {
            for (Document event : document.getList(PARKED, Document.class)) {
                parked.add(Parked.fromDocument(document.get("_id"), event));
            }
        }
        parked.sort((a, b) -> a.parkedAt().compareTo(b.parkedAt()));
        return parked.size() > limit ? List.copyOf(parked.subList(0, limit)) : parked;
    }

    /**
     * Puts a parked event back at the end of its document's outbox, to be published again; false
     * if no event with this id is parked (or another operator re-queued it first).
     */
    public boolean requeue(String eventId) {
        Document document = collection.find(eq(PARKED + ".eventId", eventId)).projection(Projections.include(PARKED)).first();
        Optional<Document> found = document == null ? Optional.empty()
                : document.getList(PARKED, Document.class, List.of()).stream()
                        .filter(event -> eventId.equals(event.getString("eventId")))
                        .findFirst();
        if (found.isEmpty()) {
            // Not parked, or re-queued by someone else between the query and the read.
            return false;
        }
        Document parked = found.get();
        Document event = new Document(parked);
        Parked.REASONS.forEach(event::remove);
        Date since = parked.getDate("createdAt") != null ? parked.getDate("createdAt") : new Date();
        return collection.updateOne(and(eq("_id", document.get("_id")), eq(PARKED + ".eventId", eventId)),
                Updates.combine(
                        Updates.pull(PARKED, new Document("eventId", eventId)),
                        Updates.push(EVENTS, event),
                        Updates.min(WAITING_SINCE, since))).getModifiedCount() == 1;
    }

    /** How many documents have events waiting. */
    public long waitingCount() {
        return collection.countDocuments(exists(WAITING_SINCE));
    }

    /** How many documents have parked events. */
    public long parkedCount() {
        return collection.countDocuments(exists(PARKED + ".0"));
    }

    /** When the oldest waiting event was written, if any waits. */
    public Optional<Instant> oldestWaitingSince() {
        Document oldest = collection.find(exists(WAITING_SINCE)).sort(Sorts.ascending(WAITING_SINCE))
                .projection(new Document(WAITING_SINCE, 1)).first();
        return Optional.ofNullable(oldest).map(document -> document.getDate(WAITING_SINCE).toInstant());
    }

    /**
     * Gives an entry that has no event id (or is not even a document) one, keeping what it held, so
     * that it can be parked and re-queued like any other; conditional on the entry being unchanged.
     */
    public void labelUnreadable(Object documentId, int position, Object entry) {
        String field = EVENTS + "." + position;
        collection.updateOne(and(eq("_id", documentId), eq(field, entry)),
                Updates.set(field, new Document("eventId", UUID.randomUUID().toString())
                        .append("unreadable", entry)));
    }

    /**
     * A document's waiting events as stored, oldest first.
     *
     * @param entries  the stored entries; {@link PendingEvent#read} reads each, or says why it cannot
     * @param attempts how often the oldest has failed so far
     */
    public record Waiting(Object documentId, List<Object> entries, int attempts, boolean removeAfterRelay) {

        /** The entries read as events. */
        public List<PendingEvent> events() {
            return entries.stream().map(PendingEvent::read).toList();
        }

        /** The outcome of a pass in which every waiting event was published. */
        public Outcome allPublished() {
            return new Outcome(documentId, removeAfterRelay, entries.size(),
                    events().stream().map(PendingEvent::eventId).toList(), null);
        }
    }

    /**
     * What a relay pass did with one document: the events Kafka confirmed (a prefix, so that order
     * holds), and what became of the first one that failed, if one did.
     *
     * @param read how many entries the document's outbox held when the pass read it
     */
    public record Outcome(Object documentId, boolean removeAfterRelay, int read, List<String> published, Failure failure) {

        boolean publishedEverythingRead() {
            return failure == null && published.size() == read;
        }

        Bson update(Instant now) {
            List<Bson> changes = new ArrayList<>();
            List<String> leaving = new ArrayList<>(published);
            if (failure instanceof Failure.Park park) {
                leaving.add(park.eventId());
                changes.add(Updates.push(PARKED, park.parkedEntry(now)));
            }
            if (!leaving.isEmpty()) {
                changes.add(Updates.pull(EVENTS, in("eventId", leaving)));
            }
            if (failure instanceof Failure.RetryLater retry) {
                changes.add(Updates.set(ATTEMPTS, retry.attempts()));
                changes.add(Updates.set(LAST_ERROR, retry.reason()));
                changes.add(Updates.set(RETRY_AT, Date.from(retry.at())));
            } else {
                changes.add(Updates.unset(ATTEMPTS));
                changes.add(Updates.unset(LAST_ERROR));
                changes.add(Updates.unset(RETRY_AT));
            }
            return Updates.combine(changes);
        }
    }

    /** The first event of a document that could not be published in a pass. */
    public sealed interface Failure {

        /** Try the document again at {@code at}; its oldest event has now failed {@code attempts} times. */
        record RetryLater(int attempts, String reason, Instant at) implements Failure {
        }

        /** Give up on the event: keep it, with the reason, for an operator. */
        record Park(String eventId, Document entry, int attempts, String reason) implements Failure {

            Document parkedEntry(Instant now) {
                return new Document(entry)
                        .append("eventId", eventId)
                        .append("attempts", attempts)
                        .append("reason", reason)
                        .append("parkedAt", Date.from(now));
            }
        }
    }

    /** An event given up on: which document, which event, why and when. */
    public record Parked(Object documentId, String eventId, String topic, String key, int attempts, String reason,
            Instant parkedAt) {

        /** The fields parking adds to an entry, taken off again when it is re-queued. */
        static final List<String> REASONS = List.of("attempts", "reason", "parkedAt");

        static Parked fromDocument(Object documentId, Document event) {
            return new Parked(documentId, event.getString("eventId"), event.getString("topic"), event.getString("key"),
                    event.getInteger("attempts", 0), event.getString("reason"), event.getDate("parkedAt").toInstant());
        }
    }
}
