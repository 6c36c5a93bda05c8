package org.cameraregistry.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How the file-backed wire server stores a document: as BSON, the form it arrived in. H2's default
 * stores values with Java serialization and serializes each one again just to estimate its size,
 * which made storing documents the costliest part of every write (docs/benchmarks.md).
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    private static final int OBJECT_OVERHEAD = 24;

    private BsonDocumentType() {
    }

    /** An estimate for H2's page cache, from the document's shape: cheap, as H2 asks on every write. */
    @Override
    public int getMemory(Document document) {
        return estimate(document);
    }

    private static int estimate(Object value) {
        return switch (value) {
            case null -> 0;
            case String text -> OBJECT_OVERHEAD + 2 * text.length();
            case Map<?, ?> map -> {
                int size = OBJECT_OVERHEAD * 2;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    size += OBJECT_OVERHEAD + estimate(entry.getKey()) + estimate(entry.getValue());
                }
                yield size;
            }
            case Collection<?> list -> {
                int size = OBJECT_OVERHEAD * 2;
                for (Object item : list) {
                    size += 8 + estimate(item);
                }
                yield size;
            }
            default -> OBJECT_OVERHEAD;
        };
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, bson);
            buffer.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        // A BSON document starts with its own length, little-endian.
        int length = Integer.reverseBytes(buffer.getInt(buffer.position()));
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice(buffer.position(), length));
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(bson);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
