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
import org.cameraregistry.geo.index.GreatCircle;
import org.cameraregistry.geo.index.H3Cells;

/**
 * {@code GET /api/search/clusters?south=&west=&north=&east=&zoom=&level=&views=}: the cameras in a
 * map's view counted per H3 cell, the cells as big as suits the map's zoom.
 */
record ClusterQuery(
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double south,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double west,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double north,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double east,
        @Parameter(description = "The map's zoom level, as web maps number them: 0 shows the world in one 256-pixel tile")
        @NotNull @Min(0) @Max(24) Integer zoom,
        @Parameter(description = "Only cameras of these levels, comma-separated", explode = Explode.FALSE) List<CameraLevel> level,
        @Parameter(description = "Only cameras that look at any of these, comma-separated", explode = Explode.FALSE) List<CameraView> views) implements CameraCriteria {

    BoundingBox box() {
        return BoxQuery.boxOf(south, west, north, east);
    }

    /**
     * The H3 resolution whose cells are about 60 pixels across at this zoom (a marker with a count
     * fits, and a map of a state shows some dozens), made coarser while the box would hold more
     * than {@code maxCells} cells on average, so that a big box asked at a fine zoom stays small.
     */
    int resolution(int maxCells) {
        // A cell's edge shrinks by √7 a resolution, a pixel by 2 a zoom level; at zoom 6, resolution 3.
        int resolution = (int) Math.clamp(Math.round(0.712 * zoom - 1.486), 0, H3Cells.FINEST);
        double boxArea = squareMeters(box());
        while (resolution > 0 && boxArea / H3Cells.averageAreaSquareMeters(resolution) > maxCells) {
            resolution--;
        }
        return resolution;
    }

    private static double squareMeters(BoundingBox box) {
        double width = box.crossesAntimeridian() ? box.east() - box.west() + 360 : box.east() - box.west();
        double radius = GreatCircle.EARTH_RADIUS_METERS;
        return radius * radius * Math.toRadians(width)
                * (Math.sin(Math.toRadians(box.north())) - Math.sin(Math.toRadians(box.south())));
    }
}
