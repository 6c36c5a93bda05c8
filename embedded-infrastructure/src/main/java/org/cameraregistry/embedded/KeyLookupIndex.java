package org.cameraregistry.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A unique index on one field of the wire server's collections ({@code _id}'s, or one of a
 * service's own), which also serves a query that names one value of that field among other
 * conditions ({@code {_id: 7, version: 3}}, or {@code {$and: [{importKey: "a"}, {ownerId: 7}]}}), as
 * MongoDB's query planner does: the index finds the one document, and the server then checks the
 * whole query against it. The wire server itself uses an index only for a query on its key alone,
 * so every conditional write (on a version, say) and every lookup by a secondary key read the whole
 * collection, and took longer the more documents it held.
 *
 * <p>Only a plain value is looked up (a string, a number, an id): {@code null} also matches the
 * documents a sparse index leaves out, and an operator, a list or a pattern asks for more than one
 * key; those queries are left to the server as before.
 */
final class KeyLookupIndex<P> extends Index<P> {

    private final Index<P> index;
    private final String key;

    /** @param sparse whether {@code index} leaves out the documents without its field, as it must say again here */
    KeyLookupIndex(Index<P> index, boolean sparse) {
        super(index.getName(), index.getKeys(), sparse);
        this.index = index;
        this.key = index.getKeys().getFirst().getKey();
    }

    /** Whether an index on {@code keys} can look one document up: a unique index on one field. */
    static boolean servesLookups(List<IndexKey> keys, boolean unique) {
        return unique && keys.size() == 1;
    }

    @Override
    public boolean canHandle(Document query) {
        return index.canHandle(query) || singleValue(query) != null;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        return index.canHandle(query) ? index.getPositions(query) : index.getPositions(new Document(key, singleValue(query)));
    }

    /**
     * The one value a query asks this index's field to equal, at its top or within its {@code $and}
     * (which the MongoDB driver writes for every {@code Filters.and}), or null if it asks otherwise.
     */
    private Object singleValue(Document query) {
        Object value = query.get(key);
        if (isPlain(value)) {
            return value;
        }
        if (query.get("$and") instanceof List<?> clauses) {
            for (Object clause : clauses) {
                Object found = clause instanceof Document condition ? singleValue(condition) : null;
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean isPlain(Object value) {
        return value != null && !(value instanceof Document) && !(value instanceof Collection<?>)
                && !(value instanceof Pattern) && !(value instanceof Missing);
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
