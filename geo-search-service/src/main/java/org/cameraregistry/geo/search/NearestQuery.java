package org.cameraregistry.geo.search;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code GET /api/search/nearest?lat=&lon=&limit=}: the cameras nearest to a point. */
record NearestQuery(
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
        @Min(1) @Max(100) Integer limit) {

    static final int DEFAULT_LIMIT = 10;

    int limitOrDefault() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }
}
