package org.cameraregistry.registry.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.size;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The events waiting inside the documents of one collection. A state change and its event are
 * written in one document write, the only atomic unit that every MongoDB deployment offers, so a
 * crash can lose neither without the other. The relay reads them from here and acknowledges them
 * once Kafka has them.
 *
 * <p>A document that only exists to carry its last events out (a deleted aggregate) is marked
 * {@value #REMOVE_AFTER_RELAY} and is removed once they are relayed.
 */
public final class Outbox {

    public static final String EVENTS = "outbox";
    /** When the oldest waiting event was written; absent when none waits, so that a sparse index finds the waiting documents. */
    static final String WAITING_SINCE = "outboxSince";
    public static final String REMOVE_AFTER_RELAY = "removeAfterRelay";

    private final MongoCollection<Document> collection;

    public Outbox(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /** The fields that put {@code event} in the outbox of a document being created or replaced whole. */
    public static Document with(Document document, PendingEvent event) {
        return document
                .append(EVENTS, List.of(event.toDocument()))
                .append(WAITING_SINCE, Date.from(event.createdAt()));
    }

    /** The update that appends {@code event} to a document's outbox, to be combined with the state change. */
    public static Bson append(PendingEvent event) {
        return Updates.combine(
                Updates.push(EVENTS, event.toDocument()),
                Updates.min(WAITING_SINCE, Date.from(event.createdAt())));
    }

    public void ensureIndexes() {
        collection.createIndex(Indexes.ascending(WAITING_SINCE), new IndexOptions().sparse(true).name("outbox_waiting"));
    }

    /** Up to {@code limit} documents with waiting events, the longest waiting first. */
    public List<Waiting> waiting(int limit) {
        List<Waiting> waiting = new ArrayList<>();
        for (Document document : collection.find(exists(WAITING_SINCE)).sort(Sorts.ascending(WAITING_SINCE)).limit(limit)) {
            List<PendingEvent> events = document.getList(EVENTS, Document.class, List.of()).stream()
                    .map(PendingEvent::fromDocument)
                    .toList();
            waiting.add(new Waiting(document.get("_id"), events, document.getBoolean(REMOVE_AFTER_RELAY, false)));
        }
        return waiting;
    }

    /** Removes published events from a document; clears its waiting mark, or removes it, when none is left. */
    public void acknowledge(Waiting document, List<String> publishedEventIds) {
        Object id = document.documentId();
        collection.updateOne(eq("_id", id),
                Updates.pull(EVENTS, in("eventId", publishedEventIds)));
        // Conditional on an empty outbox: an event appended meanwhile keeps the document waiting.
        if (document.removeAfterRelay()) {
            collection.deleteOne(and(eq("_id", id), eq(REMOVE_AFTER_RELAY, true), size(EVENTS, 0)));
        } else {
            collection.updateOne(and(eq("_id", id), size(EVENTS, 0)), Updates.unset(WAITING_SINCE));
        }
    }

    /** How many documents have events waiting. */
    public long waitingCount() {
        return collection.countDocuments(exists(WAITING_SINCE));
    }

    /** A document's waiting events, oldest first. */
    public record Waiting(Object documentId, List<PendingEvent> events, boolean removeAfterRelay) {
    }
}
