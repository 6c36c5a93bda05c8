package org.cameraregistry.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How the file-backed wire server stores the keys of a unique index ({@code _id}'s among them):
 * compared value by value, and stored as BSON. H2's default compares keys of a type it does not
 * know by serializing both with Java serialization, on every step of every lookup.
 *
 * <p>The order is total and agrees with {@link KeyValue#equals}: values of one comparable type
 * (the strings, UUIDs and normalized numbers that keys hold) by their natural order, anything else
 * by its type, then by its BSON bytes.
 */
final class BsonKeyType extends BasicDataType<KeyValue> {

    static final BsonKeyType INSTANCE = new BsonKeyType();

    private static final String VALUES = "k";

    private BsonKeyType() {
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int order = compareValues(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        if (a.getClass() != b.getClass()) {
            return a.getClass().getName().compareTo(b.getClass().getName());
        }
        if (a instanceof Comparable comparable && !(a instanceof Document)) {
            return comparable.compareTo(b);
        }
        return a.equals(b) ? 0 : Arrays.compare(bson(List.of(a)), bson(List.of(b)));
    }

    @Override
    public int getMemory(KeyValue key) {
        return 64 + 32 * key.size();
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        byte[] bson = bson(key.stream().toList());
        buffer.put(bson);
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        int length = Integer.reverseBytes(buffer.getInt(buffer.position()));
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice(buffer.position(), length));
        buffer.position(buffer.position() + length);
        return new KeyValue((List<?>) BsonDecoder.decodeBson(bson).get(VALUES));
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }

    private static byte[] bson(List<?> values) {
        ByteBuf bson = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(new Document(VALUES, values), bson);
            return ByteBufUtil.getBytes(bson);
        } finally {
            bson.release();
        }
    }
}
