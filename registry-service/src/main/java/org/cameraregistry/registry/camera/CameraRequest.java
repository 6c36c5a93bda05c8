package org.cameraregistry.registry.camera;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.cameraregistry.events.camera.CameraDetails;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraView;

/**
 * What an owner sends to register or change a camera. Fields the registry assigns itself, and
 * whether the camera is paused (which has operations of its own), may be sent back as read (a GET
 * body edited and PUT) and are ignored; any other unknown field is refused.
 */
@JsonIgnoreProperties(value = {"id", "version", "registeredAt", "updatedAt", "paused"})
public record CameraRequest(
        @NotBlank @Size(max = 120) String label,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @NotNull CameraLevel level,
        @Min(0) @Max(359) Integer facingDegrees,
        @Min(1) @Max(360) Integer fieldOfViewDegrees,
        @Size(max = 5) Set<@NotNull CameraView> views,
        Boolean recordsAudio,
        @Min(1) @Max(365) Integer retentionDays,
        Boolean sharesPastFootage) {

    public CameraDetails toDetails() {
        return new CameraDetails(label.strip(), latitude, longitude, level, facingDegrees, fieldOfViewDegrees, views,
                Boolean.TRUE.equals(recordsAudio), retentionDays, Boolean.TRUE.equals(sharesPastFootage));
    }
}
