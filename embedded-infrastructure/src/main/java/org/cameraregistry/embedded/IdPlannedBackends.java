package org.cameraregistry.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The wire server's two backends, with their unique indexes on one field ({@code _id}'s among them)
 * serving queries as MongoDB's planner would ({@link KeyLookupIndex}), their sparse indexes on one
 * field kept and serving queries for that field's presence ({@link FieldPresenceIndex}), and the file-backed one storing documents and index keys
 * as BSON ({@link BsonDocumentType}, {@link BsonKeyType}).
 */
final class IdPlannedBackends {

    private IdPlannedBackends() {
    }

    /** Data in one file, kept across restarts. */
    static MongoBackend inFile(String file) {
        return new H2Backend(file) {
            @Override
            protected MongoDatabase openOrCreateDatabase(String name) {
                MVStore store = getMvStore();
                return new H2Database(name, store, getCursorRegistry()) {
                    /**
                     * A {@code find} that names no batch size gets MongoDB's first batch, 101
                     * documents, and the rest by {@code getMore} ({@link SizedBatchCursor}), not
                     * every document in one reply.
                     */
                    @Override
                    public Document handleCommand(Channel channel, String command, Document query,
                            DatabaseResolver databaseResolver, Oplog oplog) {
                        if (command.equalsIgnoreCase("find") && !query.containsKey("batchSize")) {
                            Document batched = query.clone();
                            batched.put("batchSize", SizedBatchCursor.FIRST_BATCH_DOCUMENTS);
                            return super.handleCommand(channel, command, batched, databaseResolver, oplog);
                        }
                        return super.handleCommand(channel, command, query, databaseResolver, oplog);
                    }

                    // The maps' names are H2Database's own, so that dropping and renaming still find them.
                    @Override
                    protected MongoCollection<Object> openOrCreateCollection(String collection, CollectionOptions options) {
                        String namespace = getFullCollectionNamespace(collection);
                        MVMap<Object, Document> documents = store.openMap("databases." + namespace,
                                new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
                        MVMap<String, Object> meta = store.openMap("meta." + namespace);
                        return new StoredCollection(this, collection, options, documents, meta, cursorRegistry);
                    }

                    @Override
                    protected Index<Object> openOrCreateUniqueIndex(String collection, String name, List<IndexKey> keys,
                            boolean sparse) {
                        MVMap<KeyValue, Object> entries = store.openMap(getFullCollectionNamespace(collection) + "._index_" + name,
                                new MVMap.Builder<KeyValue, Object>().keyType(BsonKeyType.INSTANCE));
                        return planned(new StoredUniqueIndex(entries, name, keys, sparse), keys, sparse);
                    }

                    @Override
                    protected Index<Object> openOrCreateSecondaryIndex(String collection, String name, List<IndexKey> keys,
                            boolean sparse) {
                        return FieldPresenceIndex.serves(keys, sparse) ? new FieldPresenceIndex<>(name, keys)
                                : super.openOrCreateSecondaryIndex(collection, name, keys, sparse);
                    }
                };
            }
        };
    }

    /** Data in memory only. */
    static MongoBackend inMemory() {
        return new MemoryBackend() {
            @Override
            public MemoryDatabase openOrCreateDatabase(String name) {
                return new MemoryDatabase(name, getCursorRegistry()) {
                    @Override
                    protected Index<Integer> openOrCreateUniqueIndex(String collection, String name, List<IndexKey> keys,
                            boolean sparse) {
                        return planned(super.openOrCreateUniqueIndex(collection, name, keys, sparse), keys, sparse);
                    }

                    @Override
                    protected Index<Integer> openOrCreateSecondaryIndex(String collection, String name, List<IndexKey> keys,
                            boolean sparse) {
                        return FieldPresenceIndex.serves(keys, sparse) ? new FieldPresenceIndex<>(name, keys)
                                : super.openOrCreateSecondaryIndex(collection, name, keys, sparse);
                    }
                };
            }
        };
    }

    /**
     * A collection whose stored documents are never changed in place. The wire server updates the
     * document it looked up, field by field, and then stores it again; H2 writes stored documents to
     * the file from its own thread, which must never see one half changed. So every document the
     * server looks up to change is a copy: the one in the map stays as it was until replaced whole.
     */
    private static final class StoredCollection extends H2Collection {

        private final MVMap<Object, Document> documents;

        StoredCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> documents,
                MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, documents, meta, cursors);
            this.documents = documents;
        }

        @Override
        protected Document getDocument(Object position) {
            Document stored = super.getDocument(position);
            return stored == null ? null : stored.cloneDeeply();
        }

        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document fields) {
            if (orderBy != null && orderBy.containsKey("$natural")) {
                return super.matchDocuments(query, orderBy, skip, limit, batchSize, fields);
            }
            // Copies of the matching documents only: most scans match few.
            return matchDocumentsFromStream(documents.values().stream()
                    .filter(document -> documentMatchesQuery(document, query))
                    .map(Document::cloneDeeply), query, orderBy, skip, limit, batchSize, fields);
        }

        /** The rest of a query's answer, in MongoDB's batches when the client names none ({@link SizedBatchCursor}). */
        @Override
        protected Cursor createCursor(List<Document> remainingDocuments) {
            Cursor cursor = new SizedBatchCursor(cursorRegistry.generateCursorId(), remainingDocuments);
            cursorRegistry.add(cursor);
            return cursor;
        }
    }

    /** A unique index kept in an H2 map whose keys are {@link BsonKeyType}s (H2's own index class takes only its default). */
    private static final class StoredUniqueIndex extends AbstractUniqueIndex<Object> {

        private final MVMap<KeyValue, Object> entries;

        StoredUniqueIndex(MVMap<KeyValue, Object> entries, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.entries = entries;
        }

        @Override
        protected Object removeDocument(KeyValue key) {
            return entries.remove(key);
        }

        @Override
        protected boolean putKeyPosition(KeyValue key, Object position) {
            return entries.putIfAbsent(key, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return entries.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue key) {
            return entries.get(key);
        }

        @Override
        public long getCount() {
            return entries.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return entries.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }

    private static <P> Index<P> planned(Index<P> index, List<IndexKey> keys, boolean sparse) {
        return KeyLookupIndex.servesLookups(keys, index.isUnique()) ? new KeyLookupIndex<>(index, sparse) : index;
    }
}
