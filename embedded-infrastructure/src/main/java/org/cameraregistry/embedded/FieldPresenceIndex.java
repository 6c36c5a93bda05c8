package org.cameraregistry.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sparse index on one top-level field, which the wire server does not keep at all (it ignores
 * every index that is not unique): the documents that have the field, by their {@code _id}. It
 * serves a query that asks for the field to exist ({@code {field: {$exists: true}}}, at its top or
 * within its {@code $and}), as MongoDB's planner does with a sparse index: the index names the few
 * documents that have the field, and the server checks the whole query, and sorts, on them alone.
 *
 * <p>An outbox relay asks every half second for the documents whose events wait
 * ({@code outboxSince} exists), and without this the wire server read, decoded and tested every
 * camera for it: with 100,000 cameras, a steady stream of garbage and a collector's pause of 80 ms
 * every twenty seconds in the local stack's JVM, which stalled every process on a two-core machine
 * (docs/benchmarks.md). It lives in memory: the server fills it from the collection when the
 * index is opened, on every start.
 */
final class FieldPresenceIndex<P> extends Index<P> {

    private static final String ID = "_id";

    private final String field;
    private final Map<Object, P> withField = new ConcurrentHashMap<>();

    FieldPresenceIndex(String name, List<IndexKey> keys) {
        super(name, keys, true);
        this.field = keys.getFirst().getKey();
    }

    /** Whether an index on {@code keys} is one of these: sparse, not unique, on one field at the top of the document. */
    static boolean serves(List<IndexKey> keys, boolean sparse) {
        return sparse && keys.size() == 1 && !keys.getFirst().getKey().contains(".");
    }

    @Override
    public P getPosition(Document document) {
        return document.containsKey(field) ? withField.get(document.get(ID)) : null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // Not unique: any document may be added.
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        if (document.containsKey(field)) {
            withField.put(document.get(ID), position);
        }
    }

    @Override
    public P remove(Document document) {
        return withField.remove(document.get(ID));
    }

    @Override
    public boolean canHandle(Document query) {
        return asksForTheField(query);
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        return List.copyOf(withField.values());
    }

    /** Whether the query holds only documents with the field: {@code $exists: true} on it, at its top or in its {@code $and}. */
    private boolean asksForTheField(Document query) {
        if (query.get(field) instanceof Document condition && Boolean.TRUE.equals(condition.get("$exists"))) {
            return true;
        }
        if (query.get("$and") instanceof List<?> clauses) {
            for (Object clause : clauses) {
                if (clause instanceof Document condition && asksForTheField(condition)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public long getCount() {
        return withField.size();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // Not unique: any change may be made.
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        if (newDocument.containsKey(field)) {
            withField.put(newDocument.get(ID), position);
        } else {
            withField.remove(oldDocument.get(ID));
        }
    }

    @Override
    public void drop() {
        withField.clear();
    }
}
