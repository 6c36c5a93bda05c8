package org.cameraregistry.geo.search;

/**
 * A box or polygon that cannot be searched, and why.
 *
 * @param fault what is wrong, as a word a client can act on: {@code south-above-north}, or one of a
 *              polygon's faults ({@code unsupported-type}, {@code malformed-coordinates},
 *              {@code position-out-of-range}, {@code too-few-positions}, {@code unclosed-ring},
 *              {@code too-many-vertices}, {@code self-intersection}, {@code invalid-topology})
 */
public class InvalidSearchAreaException extends RuntimeException {

    private final String fault;

    InvalidSearchAreaException(String fault, String detail) {
        super(detail);
        this.fault = fault;
    }

    public String fault() {
        return fault;
    }
}
