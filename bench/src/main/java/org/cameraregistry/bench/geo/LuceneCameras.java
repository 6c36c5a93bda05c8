package org.cameraregistry.bench.geo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The same cameras in Lucene: one document per camera with its place as a {@link LatLonPoint}
 * (Lucene's BKD tree, under Elasticsearch's and OpenSearch's geo queries) and its id as a term, so
 * that a camera can be replaced. In memory, merged into one segment, searched on one thread.
 */
final class LuceneCameras implements AutoCloseable {

    static final String PLACE = "place";
    private static final String ID = "id";

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    /** Hands each search the newest reader and closes old ones once no search holds them, as Lucene's users do. */
    private final SearcherManager searchers;

    LuceneCameras(CameraPlaces places, boolean withIds) {
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig().setRAMBufferSizeMB(256));
            for (int i = 0; i < places.size(); i++) {
                writer.addDocument(document(withIds ? places.ids[i].toString() : null, places.lat[i], places.lon[i]));
            }
            writer.forceMerge(1);
            writer.commit();
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document document(String id, double lat, double lon) {
        Document document = new Document();
        document.add(new LatLonPoint(PLACE, lat, lon));
        if (id != null) {
            document.add(new StringField(ID, id, Field.Store.NO));
        }
        return document;
    }

    TopFieldDocs nearest(double lat, double lon, int n) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return LatLonPoint.nearest(searcher, PLACE, lat, lon, n);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code limit} documents that match, and how many match in all. */
    FirstDocs search(Query query, int limit) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return search(searcher, query, limit);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FirstDocs search(IndexSearcher searcher, Query query, int limit) throws IOException {
        return searcher.search(query, new CollectorManager<FirstDocs, FirstDocs>() {
            @Override
            public FirstDocs newCollector() {
                return new FirstDocs(limit);
            }

            @Override
            public FirstDocs reduce(java.util.Collection<FirstDocs> collectors) {
                return collectors.iterator().next();
            }
        });
    }

    /** Replaces a camera's document and reopens the reader, so that the next search sees the change. */
    void move(String id, double lat, double lon) {
        try {
            writer.updateDocument(new Term(ID, id), document(id, lat, lon));
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of the index's files: what Lucene keeps per camera, whether in memory or mapped from disk. */
    long indexBytes() {
        try {
            long bytes = 0;
            for (String file : directory.listAll()) {
                bytes += directory.fileLength(file);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }

    /** Collects matching documents in order: the first ones, and a count of all. */
    static final class FirstDocs extends SimpleCollector {

        final int[] docs;
        int count;
        private int base;

        FirstDocs(int limit) {
            docs = new int[limit];
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) {
            base = context.docBase;
        }

        @Override
        public void collect(int doc) {
            if (count < docs.length) {
                docs[count] = base + doc;
            }
            count++;
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        int[] first() {
            return Arrays.copyOf(docs, Math.min(count, docs.length));
        }
    }
}
