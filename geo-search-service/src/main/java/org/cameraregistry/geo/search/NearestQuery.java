package org.cameraregistry.geo.search;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.Explode;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraView;

/** {@code GET /api/search/nearest?lat=&lon=&limit=&maxDistanceMeters=&level=&views=}: the cameras nearest to a point. */
record NearestQuery(
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
        @Min(1) @Max(100) Integer limit,
        @Parameter(description = "Look no farther than this, in metres (at most, and by default, 100 km)")
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000") Double maxDistanceMeters,
        @Parameter(description = "Only cameras of these levels, comma-separated", explode = Explode.FALSE) List<CameraLevel> level,
        @Parameter(description = "Only cameras that look at any of these, comma-separated", explode = Explode.FALSE) List<CameraView> views) implements CameraCriteria {

    static final int DEFAULT_LIMIT = 10;

    int limitOrDefault() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    double maxDistanceOrAll() {
        return maxDistanceMeters == null ? Double.MAX_VALUE : maxDistanceMeters;
    }
}
