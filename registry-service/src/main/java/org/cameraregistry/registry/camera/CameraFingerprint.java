package org.cameraregistry.registry.camera;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Collectors;
import org.cameraregistry.events.camera.CameraDetails;

/**
 * A SHA-256 of what a registration asks for, to tell a repeat of a request from a different
 * request under the same idempotency key without keeping the details themselves.
 */
final class CameraFingerprint {

    private CameraFingerprint() {
    }

    static String of(CameraDetails details) {
        String canonical = String.join("\n",
                details.label(),
                Double.toString(details.latitude()),
                Double.toString(details.longitude()),
                details.level().name(),
                String.valueOf(details.facingDegrees()),
                String.valueOf(details.fieldOfViewDegrees()),
                details.views().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                Boolean.toString(details.recordsAudio()),
                String.valueOf(details.retentionDays()),
                Boolean.toString(details.sharesPastFootage()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
