package org.cameraregistry.registry.importing;

/** No import of this owner has this id (another owner's included), or its report was forgotten. */
public class ImportNotFoundException extends RuntimeException {

    ImportNotFoundException() {
        super("No import of yours has this id; reports are kept for 7 days.");
    }
}
