package org.cameraregistry.registry.pairing;

import static org.cameraregistry.chassis.openapi.ProblemResponses.PROBLEM_JSON;
import static org.cameraregistry.chassis.openapi.ProblemResponses.PROBLEM_REF;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.cameraregistry.chassis.openapi.ProblemResponses;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.registry.camera.Camera;
import org.cameraregistry.registry.camera.CameraNotFoundException;
import org.cameraregistry.registry.camera.CameraService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pairing a relay device with a Level 2 camera: its owner gets a one-time code (single use, for a
 * day), types it into the device, and the device, which has no account, sends it here once.
 */
@RestController
@Tag(name = "Device pairing", description = "One-time codes that pair a relay device with a Level 2 camera.")
class PairingController {

    private final CameraService cameras;
    private final PairingCodes codes;
    private final Clock clock;

    PairingController(CameraService cameras, PairingCodes codes, Clock clock) {
        this.cameras = cameras;
        this.codes = codes;
        this.clock = clock;
    }

    @Operation(summary = "Get a code to pair a relay device with a Level 2 camera", description = "A new code replaces"
            + " the camera's earlier one. It works once, for 24 hours; the answer is the only time it is shown.")
    @ApiResponse(responseCode = "201", description = "The code and when it stops working")
    @ApiResponse(responseCode = "404", description = "`camera-not-found`", content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(responseCode = "409", description = "`not-level-2`: only a Level 2 camera has a relay device",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_REF)))
    @SecurityRequirement(name = ProblemResponses.BEARER)
    @PostMapping("/api/cameras/{id}/pairing-code")
    ResponseEntity<PairingCodes.Issued> issue(@AuthenticationPrincipal Jwt owner, @PathVariable UUID id) {
        UUID ownerId = UUID.fromString(owner.getSubject());
        Camera camera = cameras.find(ownerId, id);
        if (camera.details().level() != CameraLevel.LEVEL_2) {
            throw new NotLevelTwoException();
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(codes.issue(camera.id(), ownerId, clock.instant()));
    }

    @Operation(summary = "Pair a relay device by its owner's code", description = "Sent by the device, which has no"
            + " account: the code is its proof. A code works once.")
    @ApiResponse(responseCode = "200", description = "Paired: the camera the device relays")
    @ApiResponse(responseCode = "404", description = "`pairing-code-unknown`: never issued, used already, expired,"
            + " or its camera is gone", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_REF)))
    @PostMapping("/api/device-pairings")
    Pairing pair(@Valid @RequestBody PairingRequest request) {
        Instant now = clock.instant();
        PairingCodes.Paired paired = codes.redeem(request.code(), now).orElseThrow(UnknownPairingCodeException::new);
        try {
            Camera camera = cameras.find(paired.ownerId(), paired.cameraId());
            return new Pairing(camera.id(), camera.details().label(), now);
        } catch (CameraNotFoundException deletedMeanwhile) {
            throw new UnknownPairingCodeException();
        }
    }

    /** @param code the code its owner was shown, such as {@code 7KQ3-MX9P-2RTW} (case and dashes do not matter) */
    record PairingRequest(@NotBlank @Size(max = 40) String code) {
    }

    /**
     * @param cameraId the camera the device relays
     * @param label    its owner's name for it, for the installer to check
     * @param pairedAt when it was paired
     */
    record Pairing(UUID cameraId, String label, Instant pairedAt) {
    }
}
