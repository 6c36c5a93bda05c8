package org.cameraregistry.registry.idempotency;

import java.util.regex.Pattern;

/**
 * A client's {@code Idempotency-Key} header: 1 to 255 visible ASCII characters, as the IETF draft
 * (draft-ietf-httpapi-idempotency-key-header) suggests; a UUID is the usual choice.
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private IdempotencyKey() {
    }

    /**
     * The key, or null if none was sent.
     *
     * @throws InvalidIdempotencyKeyException if one was sent that breaks the rules
     */
    public static String read(String header) {
        if (header == null) {
            return null;
        }
        if (!VALID.matcher(header).matches()) {
            throw new InvalidIdempotencyKeyException();
        }
        return header;
    }

    /** An {@code Idempotency-Key} that is empty, too long, or holds spaces or other than ASCII. */
    public static class InvalidIdempotencyKeyException extends RuntimeException {

        InvalidIdempotencyKeyException() {
            super("must be 1 to 255 visible ASCII characters, such as a UUID");
        }
    }
}
