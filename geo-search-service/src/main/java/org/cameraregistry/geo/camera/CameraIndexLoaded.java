package org.cameraregistry.geo.camera;

/** The index holds every stored camera now: searches and incidents may use it. */
public record CameraIndexLoaded(int cameras) {
}
