package org.cameraregistry.registry.pairing;

/** Only a Level 2 camera has a relay device to pair. */
public class NotLevelTwoException extends RuntimeException {

    NotLevelTwoException() {
        super("Only a Level 2 camera has a relay device; change the camera to Level 2 first.");
    }
}
