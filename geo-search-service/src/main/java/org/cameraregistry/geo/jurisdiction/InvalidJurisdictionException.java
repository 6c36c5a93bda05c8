package org.cameraregistry.geo.jurisdiction;

/**
 * A jurisdiction that cannot be used as one, and why.
 *
 * @param fault what is wrong, as a word a client can act on: {@code unsupported-type},
 *              {@code malformed-coordinates}, {@code position-out-of-range}, {@code too-few-positions},
 *              {@code unclosed-ring}, {@code too-many-vertices}, {@code self-intersection} or
 *              {@code invalid-topology}
 */
public class InvalidJurisdictionException extends RuntimeException {

    private final String fault;

    InvalidJurisdictionException(String fault, String detail) {
        super(detail);
        this.fault = fault;
    }

    public String fault() {
        return fault;
    }
}
