package org.cameraregistry.geo.search;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.Explode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraView;

/** {@code POST /api/search/within-polygon?limit=&level=&views=}: the filters of a search whose area is its body. */
record AreaQuery(
        @Min(1) @Max(5000) Integer limit,
        @Parameter(description = "Only cameras of these levels, comma-separated", explode = Explode.FALSE) List<CameraLevel> level,
        @Parameter(description = "Only cameras that look at any of these, comma-separated", explode = Explode.FALSE) List<CameraView> views) implements CameraCriteria {

    static final int DEFAULT_LIMIT = 1000;

    int limitOrDefault() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }
}
