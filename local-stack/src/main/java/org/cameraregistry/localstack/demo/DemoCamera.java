package org.cameraregistry.localstack.demo;

import java.util.List;

/** A demo camera as the registry's API takes it. */
public record DemoCamera(
        String label,
        double latitude,
        double longitude,
        String level,
        int facingDegrees,
        int fieldOfViewDegrees,
        List<String> views,
        boolean recordsAudio,
        int retentionDays) {
}
