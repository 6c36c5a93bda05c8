package org.cameraregistry.registry.camera;

/** An idempotency key sent again with a different camera: it names another request, not a repeat. */
public class IdempotencyKeyReusedException extends RuntimeException {

    IdempotencyKeyReusedException() {
        super("This Idempotency-Key was sent before with a different camera. Use a new key for a new request.");
    }
}
