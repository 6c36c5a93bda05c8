package org.cameraregistry.geo.search;

import static org.cameraregistry.chassis.openapi.ProblemResponses.PROBLEM_JSON;
import static org.cameraregistry.chassis.openapi.ProblemResponses.PROBLEM_REF;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.Optional;
import org.cameraregistry.chassis.openapi.ProblemResponses;
import org.cameraregistry.geo.GeoSearchProperties;
import org.cameraregistry.geo.camera.CameraIndexer;
import org.cameraregistry.geo.index.BoundingBox;
import org.cameraregistry.geo.index.CameraIndex;
import org.cameraregistry.geo.index.SearchPolygon;
import org.cameraregistry.geo.jurisdiction.InvalidJurisdictionException;
import org.cameraregistry.geo.jurisdiction.Jurisdiction;
import org.cameraregistry.geo.jurisdiction.JurisdictionShape;
import org.cameraregistry.geo.jurisdiction.Jurisdictions;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Searches over the in-memory index: nearest, within a radius, a box or a polygon, each filtered by
 * level and views if asked, for staff only ({@link SearchAccess}), each clipped to the caller's department's jurisdiction: a camera outside it is not in the answer,
 * as if it did not exist, and a search of another department's area answers an empty list.
 */
@RestController
@RequestMapping("/api/search")
@Tag(name = "Search", description = "The cameras near a place, nearest first, with their great-circle distances.")
@SecurityRequirement(name = ProblemResponses.BEARER)
class SearchController {

    private static final String LOADING = "`index-loading`: the index is being rebuilt after a start; retry after"
            + " `Retry-After` seconds";

    private static final String POLYGON_EXAMPLE = "{\"type\": \"Polygon\", \"coordinates\": [[[-96.80, 32.77],"
            + " [-96.79, 32.77], [-96.79, 32.78], [-96.80, 32.78], [-96.80, 32.77]]]}";

    private static final String NO_JURISDICTION = "`no-jurisdiction`: the caller's department has no jurisdiction"
            + " yet (or the caller no department), so no camera is theirs to see";

    private final CameraIndex index;
    private final CameraIndexer indexer;
    private final Jurisdictions jurisdictions;
    private final int maxPolygonVertices;
    private final GeoSearchProperties.Clusters clusters;

    SearchController(CameraIndex index, CameraIndexer indexer, Jurisdictions jurisdictions,
            GeoSearchProperties properties) {
        this.index = index;
        this.indexer = indexer;
        this.jurisdictions = jurisdictions;
        this.maxPolygonVertices = properties.search().maxPolygonVertices();
        this.clusters = properties.clusters();
    }

    @Operation(summary = "The cameras nearest to a point", description = "At most `limit` (default 10, at most"
            + " 100), looking no farther than `maxDistanceMeters` (at most, and by default, 100 km).")
    @ApiResponse(responseCode = "200", description = "The cameras found, nearest first")
    @ApiResponse(responseCode = "503", description = LOADING, content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(responseCode = "403", description = NO_JURISDICTION, content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(ref = PROBLEM_REF)))
    @GetMapping("/nearest")
    SearchResult nearest(@Valid @ParameterObject NearestQuery query, @AuthenticationPrincipal Jwt caller) {
        Jurisdiction jurisdiction = jurisdictionOf(caller);
        requireLoaded();
        return SearchResult.of(index.nearest(query.lat(), query.lon(), query.limitOrDefault(),
                query.maxDistanceOrAll(), query.within(jurisdiction)));
    }

    @Operation(summary = "The cameras within a radius of a point", description = "At most `limit` (default 1000,"
            + " at most 5000), the nearest first; `radiusMeters` up to 50 km.")
    @ApiResponse(responseCode = "200", description = "The cameras found, nearest first")
    @ApiResponse(responseCode = "503", description = LOADING, content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(responseCode = "403", description = NO_JURISDICTION, content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(ref = PROBLEM_REF)))
    @GetMapping("/within")
    SearchResult within(@Valid @ParameterObject WithinQuery query, @AuthenticationPrincipal Jwt caller) {
        Jurisdiction jurisdiction = jurisdictionOf(caller);
        requireLoaded();
        return SearchResult.of(index.within(query.lat(), query.lon(), query.radiusMeters(), query.limitOrDefault(),
                query.within(jurisdiction)));
    }

    @Operation(summary = "The cameras in a box", description = "Between two parallels and two meridians, edges"
            + " included; `west` greater than `east` crosses the antimeridian. At most `limit` (default 1000, at most"
            + " 5000), from the south-west, with how many there are in all.")
    @ApiResponse(responseCode = "200", description = "The cameras found, and how many there are")
    @ApiResponse(responseCode = "400", description = "`invalid-search-area`: south above north", content = @Content(
            mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(responseCode = "503", description = LOADING, content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(responseCode = "403", description = NO_JURISDICTION, content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(ref = PROBLEM_REF)))
    @GetMapping("/within-box")
    AreaResult withinBox(@Valid @ParameterObject BoxQuery query, @AuthenticationPrincipal Jwt caller) {
        Jurisdiction jurisdiction = jurisdictionOf(caller);
        BoundingBox box = query.box();
        requireLoaded();
        return AreaResult.of(index.withinBox(box, query.limitOrDefault(), query.within(jurisdiction)));
    }

    @Operation(summary = "The cameras in a polygon", description = "The body is a GeoJSON Polygon or MultiPolygon"
            + " (RFC 7946: longitude before latitude, edges straight in longitude and latitude, boundary included)."
            + " At most `limit` (default 1000, at most 5000), from the south-west, with how many there are in all.")
    @ApiResponse(responseCode = "200", description = "The cameras found, and how many there are")
    @ApiResponse(responseCode = "400", description = "`invalid-search-area`: not a valid Polygon or MultiPolygon, its"
            + " `fault` saying why", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(responseCode = "503", description = LOADING, content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(responseCode = "403", description = NO_JURISDICTION, content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(ref = PROBLEM_REF)))
    @PostMapping(path = "/within-polygon", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/geo+json"})
    AreaResult withinPolygon(@Valid @ParameterObject AreaQuery query,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "A GeoJSON Polygon or MultiPolygon",
                    content = @Content(schema = @Schema(type = "object", example = POLYGON_EXAMPLE)))
            @RequestBody Map<String, Object> polygon, @AuthenticationPrincipal Jwt caller) {
        Jurisdiction jurisdiction = jurisdictionOf(caller);
        SearchPolygon area = searchPolygon(polygon);
        requireLoaded();
        return AreaResult.of(index.withinPolygon(area, query.limitOrDefault(), query.within(jurisdiction)));
    }

    @Operation(summary = "The cameras in a map's view, counted per H3 cell", description = "Between two parallels"
            + " and two meridians as `within-box` (west greater than east crosses the antimeridian), counted per H3"
            + " cell of a resolution that suits the map's `zoom` (resolution 3 at zoom 6), coarser where the box"
            + " would otherwise hold too many cells. Each cell with its cameras' centroid and, where it holds few, the"
            + " cameras themselves.")
    @ApiResponse(responseCode = "200", description = "The cells, in the order of their addresses, and how many"
            + " cameras there are in all")
    @ApiResponse(responseCode = "400", description = "`invalid-search-area`: south above north", content = @Content(
            mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(responseCode = "503", description = LOADING, content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(responseCode = "403", description = NO_JURISDICTION, content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(ref = PROBLEM_REF)))
    @GetMapping("/clusters")
    ClusterResult clusters(@Valid @ParameterObject ClusterQuery query, @AuthenticationPrincipal Jwt caller) {
        Jurisdiction jurisdiction = jurisdictionOf(caller);
        BoundingBox box = query.box();
        int resolution = query.resolution(clusters.maxCells());
        requireLoaded();
        return ClusterResult.of(index.clusters(box, resolution, clusters.listedUpTo(), query.within(jurisdiction)));
    }

    private SearchPolygon searchPolygon(Map<String, Object> geoJson) {
        try {
            return new SearchPolygon(JurisdictionShape.of(geoJson, maxPolygonVertices).geometry());
        } catch (InvalidJurisdictionException fault) {
            throw new InvalidSearchAreaException(fault.fault(), fault.getMessage());
        }
    }

    private Jurisdiction jurisdictionOf(Jwt caller) {
        String department = caller.getClaimAsString("department");
        return Optional.ofNullable(department).flatMap(jurisdictions::of)
                .orElseThrow(() -> new NoJurisdictionException(department));
    }

    private void requireLoaded() {
        if (!indexer.isLoaded()) {
            throw new IndexLoadingException();
        }
    }
}
