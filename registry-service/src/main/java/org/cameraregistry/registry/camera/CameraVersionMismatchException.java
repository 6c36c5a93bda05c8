package org.cameraregistry.registry.camera;

/** A change was based on a version of the camera that is no longer current. */
public class CameraVersionMismatchException extends RuntimeException {

    private final boolean precondition;

    CameraVersionMismatchException(String message, boolean precondition) {
        super(message);
        this.precondition = precondition;
    }

    /** The caller asked for a version (If-Match) that is not the current one. */
    static CameraVersionMismatchException ifMatchFailed(String ifMatch, long current) {
        return new CameraVersionMismatchException("The camera is at version \"" + current + "\", not " + ifMatch
                + ": read it again and retry.", true);
    }

    /** Other writers kept changing the camera while this change was retried. */
    static CameraVersionMismatchException keptChanging() {
        return new CameraVersionMismatchException("The camera kept changing while this change was applied: retry.",
                false);
    }

    /** True when the caller set the version expected (If-Match), false when writers raced. */
    public boolean isPrecondition() {
        return precondition;
    }
}
