package org.cameraregistry.identity.reset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.cameraregistry.chassis.openapi.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Replacing a forgotten password, for any client; the pages use the same rules. */
@RestController
@RequestMapping("/api/accounts/password-reset")
class PasswordResetController {

    private final PasswordReset reset;

    PasswordResetController(PasswordReset reset) {
        this.reset = reset;
    }

    @PostMapping
    @Operation(summary = "Ask for a password reset link", description = "The same answer whether or not the"
            + " address has an account; only an account's own address gets the link, which works for an hour.")
    @ApiResponse(responseCode = "202", description = "Accepted: a link is on its way if the address has an account")
    ResponseEntity<Accepted> request(@Valid @RequestBody ResetRequest request) {
        reset.request(request.email());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(
                "If the address has an account, a link to choose a new password is on its way; it works for an hour."));
    }

    @PostMapping("/confirmation")
    @Operation(summary = "Set a new password with the emailed link's token")
    @ApiResponse(responseCode = "204", description = "Set; the account signs in with it from now on")
    @ApiResponse(responseCode = "400", description = "`weak-password` (with `reason`), the link still unused; or"
            + " `invalid-request`", content = @Content(mediaType = ProblemResponses.PROBLEM_JSON,
            schema = @Schema(ref = ProblemResponses.PROBLEM_REF)))
    @ApiResponse(responseCode = "404", description = "`link-unknown`: already used, or never sent",
            content = @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(ref = ProblemResponses.PROBLEM_REF)))
    @ApiResponse(responseCode = "410", description = "`link-expired`: ask for a new one",
            content = @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(ref = ProblemResponses.PROBLEM_REF)))
    ResponseEntity<Void> confirm(@Valid @RequestBody Confirmation confirmation) {
        reset.reset(confirmation.token(), confirmation.password());
        return ResponseEntity.noContent().build();
    }

    /** @param email the address of the account */
    record ResetRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    /**
     * @param token    the token of the emailed link
     * @param password the new password, held to the same policy as at sign-up
     */
    record Confirmation(@NotBlank @Size(max = 100) String token, @NotBlank @Size(max = 256) String password) {
    }

    /** @param message what happens next */
    record Accepted(String message) {
    }
}
