package org.cameraregistry.geo.search;

/** The index is still being rebuilt after a start; its answers would be incomplete. */
public class IndexLoadingException extends RuntimeException {

    IndexLoadingException() {
        super("The camera index is still loading; retry in a few seconds.");
    }
}
