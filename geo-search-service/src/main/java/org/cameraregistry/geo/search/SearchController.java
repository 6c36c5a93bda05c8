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
import java.util.Optional;
import org.cameraregistry.chassis.openapi.ProblemResponses;
import org.cameraregistry.geo.camera.CameraIndexer;
import org.cameraregistry.geo.index.CameraIndex;
import org.cameraregistry.geo.jurisdiction.Jurisdiction;
import org.cameraregistry.geo.jurisdiction.Jurisdictions;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Nearest-camera and radius searches over the in-memory index, for staff only ({@link SearchAccess}),
 * each clipped to the caller's department's jurisdiction: a camera outside it is not in the answer,
 * as if it did not exist, and a search of another department's area answers an empty list.
 */
@RestController
@RequestMapping("/api/search")
@Tag(name = "Search", description = "The cameras near a place, nearest first, with their great-circle distances.")
@SecurityRequirement(name = ProblemResponses.BEARER)
class SearchController {

    private static final String LOADING = "`index-loading`: the index is being rebuilt after a start; retry after"
            + " `Retry-After` seconds";

    private static final String NO_JURISDICTION = "`no-jurisdiction`: the caller's department has no jurisdiction"
            + " yet (or the caller no department), so no camera is theirs to see";

    private final CameraIndex index;
    private final CameraIndexer indexer;
    private final Jurisdictions jurisdictions;

    SearchController(CameraIndex index, CameraIndexer indexer, Jurisdictions jurisdictions) {
        this.index = index;
        this.indexer = indexer;
        this.jurisdictions = jurisdictions;
    }

    @Operation(summary = "The cameras nearest to a point", description = "At most `limit` (default 10, at most"
            + " 100), looking no farther than 100 km.")
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
                camera -> jurisdiction.covers(camera.latitude(), camera.longitude())));
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
                camera -> jurisdiction.covers(camera.latitude(), camera.longitude())));
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
