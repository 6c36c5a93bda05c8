package org.cameraregistry.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.junit.jupiter.api.Test;

class BsonStoredTypesTest {

    private static final List<KeyValue> KEYS = List.of(
            new KeyValue("camera-1"), new KeyValue("camera-2"), new KeyValue("Camera-1"),
            new KeyValue(UUID.fromString("6c1b3a0e-4d3c-4b7a-9a53-2f1e0c8d9b10")),
            new KeyValue(UUID.fromString("6c1b3a0e-4d3c-4b7a-9a53-2f1e0c8d9b11")),
            new KeyValue(1.0), new KeyValue(2.5), new KeyValue(1L << 60), new KeyValue((Object) null),
            new KeyValue(new Document("a", 1.0)), new KeyValue(new Document("a", 2.0)),
            new KeyValue(List.of(1.0, "x")), new KeyValue("a", 1.0), new KeyValue("a", 2.0), new KeyValue("a", (Object) null));

    @Test
    void keysCompareEqualExactlyWhenTheyAreEqual() {
        for (KeyValue a : KEYS) {
            for (KeyValue b : KEYS) {
                assertThat(BsonKeyType.INSTANCE.compare(a, b) == 0).as("%s vs %s", a, b).isEqualTo(a.equals(b));
                assertThat(Integer.signum(BsonKeyType.INSTANCE.compare(a, b)))
                        .isEqualTo(-Integer.signum(BsonKeyType.INSTANCE.compare(b, a)));
            }
        }
    }

    @Test
    void keysOrderTransitively() {
        List<KeyValue> sorted = new ArrayList<>(KEYS);
        sorted.sort(BsonKeyType.INSTANCE);
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                assertThat(BsonKeyType.INSTANCE.compare(sorted.get(i), sorted.get(j))).isNegative();
            }
        }
    }

    @Test
    void keysAndDocumentsReadBackAsWritten() {
        for (KeyValue key : KEYS) {
            assertThat(roundTrip(BsonKeyType.INSTANCE, key)).isEqualTo(key);
        }
        Document document = new Document("_id", UUID.randomUUID()).append("label", "Porch")
                .append("outbox", List.of(new Document("eventId", "e1").append("attempts", 2)));
        assertThat(roundTrip(BsonDocumentType.INSTANCE, document)).isEqualTo(document);
    }

    private static <T> T roundTrip(BasicDataType<T> type, T value) {
        WriteBuffer buffer = new WriteBuffer();
        buffer.put((byte) 7);
        type.write(buffer, value);
        buffer.put((byte) 9);
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        written.get();
        T read = type.read(written);
        assertThat(written.get()).as("what follows the value").isEqualTo((byte) 9);
        return read;
    }
}
