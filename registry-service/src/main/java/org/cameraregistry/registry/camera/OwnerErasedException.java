package org.cameraregistry.registry.camera;

/** A token of an account erased since it was issued: the account can register nothing more. */
public class OwnerErasedException extends RuntimeException {

    OwnerErasedException() {
        super("This account was erased; it can register no camera. Open a new account to register again.");
    }
}
