package org.cameraregistry.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import java.util.List;

/**
 * The {@code _id} index of the wire server's collections, which also serves a query that names one
 * {@code _id} among other conditions ({@code {_id: 7, version: 3}}, or {@code {$and: [{_id: 7},
 * {version: 3}]}}), as MongoDB's query planner does: the index finds the one document, and the server then checks the whole query against it.
 * The wire server itself uses the index only for a query on {@code _id} alone, so every
 * conditional write (on a version, say) read the whole collection, and took longer the more
 * documents it held.
 */
final class IdLookupIndex<P> extends Index<P> {

    private static final String ID = "_id";

    private final Index<P> index;

    IdLookupIndex(Index<P> index) {
        super(index.getName(), index.getKeys(), false);
        this.index = index;
    }

    /** Whether {@code keys} are those of the {@code _id} index. */
    static boolean isIdIndex(List<IndexKey> keys) {
        return keys.size() == 1 && keys.getFirst().getKey().equals(ID);
    }

    @Override
    public boolean canHandle(Document query) {
        return index.canHandle(query) || singleId(query) != null;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        return index.canHandle(query) ? index.getPositions(query) : index.getPositions(new Document(ID, singleId(query)));
    }

    /**
     * The one {@code _id} a query asks for by equality, at its top or within its {@code $and}
     * (which the MongoDB driver writes for every {@code Filters.and}), or null if it asks otherwise.
     */
    private static Object singleId(Document query) {
        Object id = query.get(ID);
        if (id != null && !(id instanceof Document)) {
            return id;
        }
        if (query.get("$and") instanceof List<?> clauses) {
            for (Object clause : clauses) {
                Object found = clause instanceof Document condition ? singleId(condition) : null;
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Override
    public P getPosition(Document document) {
        return index.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        index.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        index.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
        return index.remove(document);
    }

    @Override
    public long getCount() {
        return index.getCount();
    }

    @Override
    public long getDataSize() {
        return index.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        index.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
            throws KeyConstraintError {
        index.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
        index.drop();
    }

    @Override
    public boolean isUnique() {
        return index.isUnique();
    }

    @Override
    public Document toIndexDescription() {
        return index.toIndexDescription();
    }
}
