package org.cameraregistry.registry.camera;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraView;

/**
 * A camera as the API shows it; an optional detail the owner did not give is left out. A paused
 * camera is left out of every search until its owner resumes it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CameraResponse(
        UUID id,
        long version,
        String label,
        double latitude,
        double longitude,
        CameraLevel level,
        Integer facingDegrees,
        Integer fieldOfViewDegrees,
        Set<CameraView> views,
        boolean recordsAudio,
        Integer retentionDays,
        boolean sharesPastFootage,
        boolean paused,
        Instant registeredAt,
        Instant updatedAt) {

    static CameraResponse of(Camera camera) {
        var details = camera.details();
        return new CameraResponse(camera.id(), camera.version(), details.label(), details.latitude(),
                details.longitude(), details.level(), details.facingDegrees(), details.fieldOfViewDegrees(),
                details.views(), details.recordsAudio(), details.retentionDays(), details.sharesPastFootage(), camera.paused(), camera.registeredAt(),
                camera.updatedAt());
    }
}
