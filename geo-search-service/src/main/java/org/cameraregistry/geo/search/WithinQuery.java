package org.cameraregistry.geo.search;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code GET /api/search/within?lat=&lon=&radiusMeters=&limit=}: every camera within a circle. */
record WithinQuery(
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("50000") Double radiusMeters,
        @Min(1) @Max(5000) Integer limit) {

    static final int DEFAULT_LIMIT = 1000;

    int limitOrDefault() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }
}
