package org.cameraregistry.registry.outbox;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Serializes as usual, except a payload naming {@value #MARKER}: then it throws an {@link Error},
 * as a broken library or an exhausted JVM might, on the relay's thread.
 */
public class ErrorThrowingSerializer extends ByteArraySerializer {

    public static final String MARKER = "throw-an-error";

    @Override
    public byte[] serialize(String topic, byte[] data) {
        if (data != null && new String(data, StandardCharsets.UTF_8).contains(MARKER)) {
            throw new LinkageError("simulated: " + MARKER);
        }
        return super.serialize(topic, data);
    }
}
