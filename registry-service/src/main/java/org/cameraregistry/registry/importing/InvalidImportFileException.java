package org.cameraregistry.registry.importing;

/** An import file that cannot be read at all (as opposed to a row at fault, which the report names). */
public class InvalidImportFileException extends RuntimeException {

    InvalidImportFileException(String message) {
        super(message);
    }
}
