package org.cameraregistry.registry.camera;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.cameraregistry.chassis.openapi.ProblemResponses;
import org.cameraregistry.registry.idempotency.IdempotencyKey;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.RequestParam;
import static org.cameraregistry.chassis.openapi.ProblemResponses.PROBLEM_JSON;
import static org.cameraregistry.chassis.openapi.ProblemResponses.PROBLEM_REF;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Owners' cameras over HTTP, each owner's own only: the token's subject is the owner, and another
 * owner's camera answers 404, as one that does not exist. Each response carries the camera's
 * version as its ETag; a change sent with If-Match applies only to that version, so two editors
 * cannot silently overwrite each other.
 */
@RestController
@RequestMapping("/api/cameras")
@Tag(name = "Cameras", description = "Owners register, list, change and delete their own cameras.")
@SecurityRequirement(name = ProblemResponses.BEARER)
class CameraController {

    private static final String NOT_FOUND = "`camera-not-found`: no camera has this id, or it was deleted";
    private static final String CONCURRENT = "`concurrent-change`: others kept changing the camera meanwhile; retry";
    private static final String STALE = "`version-mismatch`: the camera is no longer at the If-Match version";

    /** Marks an answer repeated for an Idempotency-Key, as payment APIs do. */
    static final String REPLAYED = "Idempotent-Replayed";

    private final CameraService cameras;

    CameraController(CameraService cameras) {
        this.cameras = cameras;
    }

    /**
     * Registers a camera. With an {@code Idempotency-Key}, a repeat of the request within its
     * lifetime (24 h) answers what the first one did, marked {@code Idempotent-Replayed: true}, and
     * never registers a second camera: a client that lost the answer may simply send it again.
     */
    @Operation(summary = "Register a camera")
    @ApiResponse(responseCode = "201", description = "Registered (or, for a repeated Idempotency-Key, registered"
            + " by the first request, marked Idempotent-Replayed)", headers = {
                    @Header(name = "Location", description = "the camera's URL"),
                    @Header(name = "ETag", description = "the camera's version, for If-Match"),
                    @Header(name = "Idempotent-Replayed", description = "true when the answer repeats an earlier one")})
    @ApiResponse(responseCode = "422", description = "`idempotency-key-reused`: the key came with another camera before",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(responseCode = "403", description = "`forbidden`: the token is not an owner's; `account-erased`: the"
            + " owner's account was erased since the token was issued",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_REF)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CameraResponse> register(@AuthenticationPrincipal Jwt owner, @Valid @RequestBody CameraRequest request,
            @Parameter(description = "1 to 255 visible ASCII characters, such as a UUID; a repeat within 24 h answers"
                    + " the same and registers nothing more")
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey) {
        String key = IdempotencyKey.read(idempotencyKey);
        CameraService.Registration registration = key == null
                ? new CameraService.Registration(cameras.register(ownerId(owner), request.toDetails()), false)
                : cameras.register(ownerId(owner), request.toDetails(), key);
        Camera camera = registration.camera();
        ResponseEntity.BodyBuilder created = ResponseEntity.created(URI.create("/api/cameras/" + camera.id()))
                .eTag(etag(camera));
        if (registration.replayed()) {
            created.header(REPLAYED, "true");
        }
        return created.body(CameraResponse.of(camera));
    }

    @Operation(summary = "List my cameras", description = "Oldest registration first, a page at a time.")
    @ApiResponse(responseCode = "200", description = "One page of the caller's cameras and how many there are in all")
    @GetMapping
    CameraPage list(@AuthenticationPrincipal Jwt owner,
            @Parameter(description = "which page, from 0") @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @Parameter(description = "cameras per page, 1 to 100") @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return CameraPage.of(cameras.pageOf(ownerId(owner), page, size), page, size);
    }

    @Operation(summary = "Read a camera")
    @ApiResponse(responseCode = "200", description = "The camera, with its version as ETag")
    @ApiResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(ref = PROBLEM_REF)))
    @GetMapping("/{id}")
    ResponseEntity<CameraResponse> get(@AuthenticationPrincipal Jwt owner, @PathVariable UUID id) {
        Camera camera = cameras.find(ownerId(owner), id);
        return ResponseEntity.ok().eTag(etag(camera)).body(CameraResponse.of(camera));
    }

    @Operation(summary = "Change a camera", description = "With If-Match, only if the camera is still at that version.")
    @ApiResponse(responseCode = "200", description = "Changed (or unchanged, if the details were the same)")
    @ApiResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(responseCode = "409", description = CONCURRENT, content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(responseCode = "412", description = STALE, content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(responseCode = "503", description = "`changes-waiting`: too many of this camera's changes wait to be"
            + " published; or the database is away (see any operation)", content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(ref = PROBLEM_REF)))
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CameraResponse> update(@AuthenticationPrincipal Jwt owner, @PathVariable UUID id,
            @Valid @RequestBody CameraRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Camera camera = cameras.update(ownerId(owner), id, request.toDetails(), expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(etag(camera)).body(CameraResponse.of(camera));
    }

    @Operation(summary = "Pause a camera", description = "It leaves every search until resumed; its details are kept."
            + " Pausing a paused camera changes nothing.")
    @ApiResponse(responseCode = "200", description = "Paused (its version one more), or already paused")
    @ApiResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(responseCode = "412", description = STALE, content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(ref = PROBLEM_REF)))
    @PostMapping("/{id}/pause")
    ResponseEntity<CameraResponse> pause(@AuthenticationPrincipal Jwt owner, @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Camera camera = cameras.pause(ownerId(owner), id, true, expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(etag(camera)).body(CameraResponse.of(camera));
    }

    @Operation(summary = "Resume a paused camera", description = "Searches find it again. Resuming a camera that is"
            + " not paused changes nothing.")
    @ApiResponse(responseCode = "200", description = "Resumed (its version one more), or not paused")
    @ApiResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(responseCode = "412", description = STALE, content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(ref = PROBLEM_REF)))
    @PostMapping("/{id}/resume")
    ResponseEntity<CameraResponse> resume(@AuthenticationPrincipal Jwt owner, @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Camera camera = cameras.pause(ownerId(owner), id, false, expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(etag(camera)).body(CameraResponse.of(camera));
    }

    @Operation(summary = "Delete a camera", description = "Every service forgets it; nothing of it stays here.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(responseCode = "409", description = CONCURRENT, content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(responseCode = "412", description = STALE, content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(ref = PROBLEM_REF)))
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt owner, @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        cameras.delete(ownerId(owner), id, expectedVersion(ifMatch));
        return ResponseEntity.noContent().build();
    }

    /** The token's subject: an account's id, as {@link CameraAccess} admits only owners' accounts. */
    private static UUID ownerId(Jwt owner) {
        return UUID.fromString(owner.getSubject());
    }

    private static String etag(Camera camera) {
        return IfMatch.etag(camera.version());
    }

    private static Long expectedVersion(String ifMatch) {
        return IfMatch.version(ifMatch);
    }
}
