package org.cameraregistry.registry.camera;

import java.util.UUID;

/**
 * Too many of a camera's events wait to be published (Kafka has been away for a while): a further
 * change would grow the document without bound, so it is refused until the relay catches up.
 */
public class OutboxFullException extends RuntimeException {

    OutboxFullException(UUID id, int waiting) {
        super("Camera " + id + " has " + waiting + " changes waiting to be published; retry once they are out.");
    }
}
