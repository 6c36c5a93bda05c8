package org.cameraregistry.registry.camera;

import java.util.UUID;

/** No camera has this id, it was deleted, or it is another owner's: the caller cannot tell which. */
public class CameraNotFoundException extends RuntimeException {

    public CameraNotFoundException(UUID id) {
        super("No camera with id " + id + ".");
    }
}
