package org.cameraregistry.embedded;

import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;

/**
 * The rest of a query's answer, handed out in batches as MongoDB hands them out when the client
 * names no batch size: as many documents as fit in 16 MiB of BSON. The wire server's own cursor
 * answers such a {@code getMore} with an error, and a query without a batch size with every
 * document in one reply, which the driver refuses above 48 MB (a million cameras read at start).
 */
final class SizedBatchCursor extends AbstractCursor {

    /** What MongoDB puts in one batch at most, when the client did not say. */
    static final int BATCH_BYTES = 16 * 1024 * 1024;
    /** MongoDB's first batch when the client did not say. */
    static final int FIRST_BATCH_DOCUMENTS = 101;

    private List<Document> remaining;

    SizedBatchCursor(long id, List<Document> remaining) {
        super(id);
        this.remaining = List.copyOf(remaining);
    }

    @Override
    public boolean isEmpty() {
        return remaining.isEmpty();
    }

    @Override
    public synchronized List<Document> takeDocuments(int numberToReturn) {
        int count = numberToReturn > 0 ? Math.min(numberToReturn, remaining.size()) : fittingInOneBatch();
        List<Document> batch = remaining.subList(0, count);
        remaining = remaining.subList(count, remaining.size());
        return batch;
    }

    /** At least one document, so that the client always moves on. */
    private int fittingInOneBatch() {
        long bytes = 0;
        int count = 0;
        while (count < remaining.size()) {
            bytes += bsonSize(remaining.get(count));
            if (count > 0 && bytes > BATCH_BYTES) {
                break;
            }
            count++;
        }
        return count;
    }

    private static int bsonSize(Document document) {
        ByteBuf bson = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, bson);
            return bson.readableBytes();
        } finally {
            bson.release();
        }
    }
}
