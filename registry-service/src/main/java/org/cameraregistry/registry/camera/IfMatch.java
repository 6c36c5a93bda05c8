package org.cameraregistry.registry.camera;

/**
 * The camera version a client's {@code If-Match} header names. The registry issues strong ETags
 * that are the version in quotes ({@code "3"}); a weak one ({@code W/"3"}) names the same version.
 */
final class IfMatch {

    /** What a tag the registry never issued names: no version, so it matches none. */
    static final long NO_VERSION = -1;

    private IfMatch() {
    }

    /** The version named, null for no header or {@code *} (any version), {@link #NO_VERSION} for a foreign tag. */
    static Long version(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() < 2 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
            return NO_VERSION;
        }
        try {
            long version = Long.parseLong(tag.substring(1, tag.length() - 1));
            return version > 0 ? version : NO_VERSION;
        } catch (NumberFormatException e) {
            return NO_VERSION;
        }
    }

    /** The ETag of a camera at {@code version}. */
    static String etag(long version) {
        return "\"" + version + "\"";
    }
}
