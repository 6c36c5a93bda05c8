package org.cameraregistry.events.camera;

/** How far an owner takes part. */
public enum CameraLevel {
    /** Police learn only that the camera exists at a place, and may ask the owner for footage. */
    LEVEL_1,
    /** A CORE device relays the live feed, only when the owner's rule allows it. */
    LEVEL_2
}
