package org.cameraregistry.events;

/**
 * An event that cannot be read: malformed JSON, a different type than its topic carries, or a
 * payload that breaks its schema. Retrying cannot help, so consumers dead-letter it at once; the
 * message says why, for whoever inspects the dead-letter topic.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
