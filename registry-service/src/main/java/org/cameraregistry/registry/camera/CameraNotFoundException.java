package org.cameraregistry.registry.camera;

import java.util.UUID;

/** No camera has this id, or it was deleted. */
public class CameraNotFoundException extends RuntimeException {

    public CameraNotFoundException(UUID id) {
        super("No camera with id " + id + ".");
    }
}
