package org.cameraregistry.geo.index;

/** A camera found by a search, and how far it is from the searched point. */
public record NearbyCamera(FoundCamera camera, double distanceMeters) {
}
