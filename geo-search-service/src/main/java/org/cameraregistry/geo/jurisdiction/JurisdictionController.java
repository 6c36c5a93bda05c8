package org.cameraregistry.geo.jurisdiction;

import static org.cameraregistry.chassis.openapi.ProblemResponses.PROBLEM_JSON;
import static org.cameraregistry.chassis.openapi.ProblemResponses.PROBLEM_REF;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Map;
import org.cameraregistry.chassis.openapi.ProblemResponses;
import org.cameraregistry.geo.GeoSearchProperties;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A department's jurisdiction, set by its DEPT_ADMIN and read by its staff ({@link JurisdictionAccess}). */
@RestController
@RequestMapping(JurisdictionAccess.PATH)
@Tag(name = "Jurisdictions", description = "The area a department's staff search in: every search answer holds"
        + " only the cameras inside the caller's department's jurisdiction.")
@SecurityRequirement(name = ProblemResponses.BEARER)
class JurisdictionController {

    private static final String EXAMPLE = """
            {"type": "Polygon", "coordinates": [[[-96.99, 32.62], [-96.55, 32.62], [-96.55, 33.02], \
            [-96.99, 33.02], [-96.99, 32.62]]]}""";

    private final Jurisdictions jurisdictions;
    private final int maxVertices;

    JurisdictionController(Jurisdictions jurisdictions, GeoSearchProperties properties) {
        this.jurisdictions = jurisdictions;
        this.maxVertices = properties.jurisdictions().maxVertices();
    }

    @Operation(summary = "Set the department's jurisdiction", description = "A GeoJSON Polygon or MultiPolygon"
            + " (RFC 7946: [longitude, latitude] positions, straight edges between them, each ring closed), with at"
            + " most 10,000 vertices and no edge crossing another. It replaces the one before; searches use it at"
            + " once. Only the department's own DEPT_ADMIN may set it.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(type = "object", description = "a GeoJSON Polygon or MultiPolygon"),
            examples = @ExampleObject(value = EXAMPLE)))
    @ApiResponse(responseCode = "200", description = "The jurisdiction as now set")
    @ApiResponse(responseCode = "400", description = "`invalid-jurisdiction`: not a usable area; `fault` names what"
            + " is wrong (`unsupported-type`, `malformed-coordinates`, `position-out-of-range`, `too-few-positions`,"
            + " `unclosed-ring`, `too-many-vertices`, `self-intersection`, `invalid-topology`) and `detail` where."
            + " The jurisdiction before stays as it was.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_REF)))
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    JurisdictionView set(@PathVariable String departmentId, @RequestBody Map<String, Object> geometry,
            @AuthenticationPrincipal Jwt caller) {
        JurisdictionShape shape = JurisdictionShape.of(geometry, maxVertices);
        return JurisdictionView.of(jurisdictions.set(departmentId, shape, caller.getSubject()));
    }

    @Operation(summary = "The department's jurisdiction", description = "For the department's own staff.")
    @ApiResponse(responseCode = "200", description = "The jurisdiction")
    @ApiResponse(responseCode = "404", description = "`jurisdiction-not-set`: its DEPT_ADMIN has not set it yet",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_REF)))
    @GetMapping
    JurisdictionView get(@PathVariable String departmentId) {
        return jurisdictions.of(departmentId).map(JurisdictionView::of)
                .orElseThrow(() -> new JurisdictionNotSetException(departmentId));
    }

    /**
     * @param geometry the area, as GeoJSON
     * @param vertices how many vertices its rings have
     */
    record JurisdictionView(String departmentId, Map<String, Object> geometry, int vertices, Instant updatedAt) {

        static JurisdictionView of(Jurisdiction jurisdiction) {
            return new JurisdictionView(jurisdiction.departmentId(), jurisdiction.shape().toGeoJson(),
                    jurisdiction.shape().vertices(), jurisdiction.updatedAt());
        }
    }
}
