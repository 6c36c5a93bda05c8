package org.cameraregistry.identity.onetime;

/** What a one-time link does; a link of one purpose never works for another. */
public enum LinkPurpose {
    VERIFY_ADDRESS,
    RESET_PASSWORD
}
