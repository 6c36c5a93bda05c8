package org.cameraregistry.registry.importing;

/** Every import slot of this instance is taken: the owner sends the file again in a moment. */
public class ImportsBusyException extends RuntimeException {

    ImportsBusyException() {
        super("Too many imports are running just now; send the file again in a minute.");
    }
}
