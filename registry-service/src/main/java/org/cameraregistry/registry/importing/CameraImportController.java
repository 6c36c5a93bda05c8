package org.cameraregistry.registry.importing;

import static org.cameraregistry.chassis.openapi.ProblemResponses.PROBLEM_JSON;
import static org.cameraregistry.chassis.openapi.ProblemResponses.PROBLEM_REF;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.cameraregistry.chassis.openapi.ProblemResponses;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An owner imports many cameras at once from a CSV file, and follows the import's report. */
@RestController
@RequestMapping("/api/cameras/imports")
@Tag(name = "Camera imports", description = "Owners import up to 10,000 cameras from a CSV file.")
@SecurityRequirement(name = ProblemResponses.BEARER)
class CameraImportController {

    private final CameraImports imports;

    CameraImportController(CameraImports imports) {
        this.imports = imports;
    }

    @Operation(summary = "Import cameras from a CSV file", description = "Columns (header line first, in any order):"
            + " reference, label, latitude, longitude, level (1 or 2), and optionally facing_degrees,"
            + " field_of_view_degrees, views (street;sidewalk;parking;entrance;exterior), records_audio (yes/no),"
            + " retention_days, shares_past_footage (yes/no). Up to 10,000 rows. A row registers a camera, or changes"
            + " the one imported before under the same reference: importing the same file again registers nothing more.")
    @ApiResponse(responseCode = "202", description = "Started; the report says how far it is", headers =
            @Header(name = "Location", description = "the import's report"))
    @ApiResponse(responseCode = "400", description = "`invalid-import-file`: empty, not CSV, a column missing or unknown,"
            + " or more than 10,000 rows", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(responseCode = "503", description = "`imports-busy`, with Retry-After: send the file again shortly",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_REF)))
    @PostMapping(consumes = {"text/csv", "text/plain"})
    ResponseEntity<ImportReport> start(@AuthenticationPrincipal Jwt owner, @RequestBody String csv) {
        ImportReport report = imports.start(ownerId(owner), csv);
        return ResponseEntity.accepted().location(URI.create("/api/cameras/imports/" + report.id())).body(report);
    }

    @Operation(summary = "Read an import's report", description = "How far it is; once done, each row not imported,"
            + " with its column and why.")
    @ApiResponse(responseCode = "200", description = "The report")
    @ApiResponse(responseCode = "404", description = "`import-not-found`: none of the caller's imports has this id",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_REF)))
    @GetMapping("/{id}")
    ImportReport report(@AuthenticationPrincipal Jwt owner, @PathVariable UUID id) {
        return imports.find(ownerId(owner), id);
    }

    private static UUID ownerId(Jwt owner) {
        return UUID.fromString(owner.getSubject());
    }
}
