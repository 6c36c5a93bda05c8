package org.cameraregistry.events.camera;

/** What a camera looks at, as its owner describes it. */
public enum CameraView {
    STREET,
    SIDEWALK,
    PARKING,
    ENTRANCE,
    /** The outside of the owner's own building only. */
    EXTERIOR
}
