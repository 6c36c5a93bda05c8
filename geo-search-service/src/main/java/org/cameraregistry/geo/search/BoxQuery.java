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
import org.cameraregistry.geo.index.BoundingBox;

/**
 * {@code GET /api/search/within-box?south=&west=&north=&east=&limit=&level=&views=}: every camera in a
 * box, its edges included; {@code west} greater than {@code east} crosses the antimeridian.
 */
record BoxQuery(
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double south,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double west,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double north,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double east,
        @Min(1) @Max(5000) Integer limit,
        @Parameter(description = "Only cameras of these levels, comma-separated", explode = Explode.FALSE) List<CameraLevel> level,
        @Parameter(description = "Only cameras that look at any of these, comma-separated", explode = Explode.FALSE) List<CameraView> views) implements CameraCriteria {

    static final int DEFAULT_LIMIT = 1000;

    int limitOrDefault() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    BoundingBox box() {
        return boxOf(south, west, north, east);
    }

    /** The box these four edges make, or {@code invalid-search-area} if south is above north. */
    static BoundingBox boxOf(double south, double west, double north, double east) {
        if (south > north) {
            throw new InvalidSearchAreaException("south-above-north", "The box's south (" + south
                    + ") is above its north (" + north + "); south is the lower latitude.");
        }
        return new BoundingBox(south, west, north, east);
    }
}
