package org.cameraregistry.identity.signup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.cameraregistry.chassis.openapi.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Opening an owner's account and verifying its address, for any client; the pages use the same rules. */
@RestController
@RequestMapping("/api/accounts")
class SignUpController {

    private final SignUp signUp;

    SignUpController(SignUp signUp) {
        this.signUp = signUp;
    }

    /**
     * 202 whether or not the address already has an account: the verification email, if one is due,
     * is what tells the owner. A weak password is refused first, with the reason.
     */
    @PostMapping
    @Operation(summary = "Open an owner's account", description = "The same answer whether or not the address"
            + " already has an account; the email that follows, if any, carries the verification link.")
    @ApiResponse(responseCode = "202", description = "Accepted: a verification link is on its way if one is due")
    @ApiResponse(responseCode = "400", description = "`weak-password` (with `reason`: too-short, too-long, common,"
            + " guessable, breached), or `invalid-request` naming the fields at fault",
            content = @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(ref = ProblemResponses.PROBLEM_REF)))
    ResponseEntity<Accepted> signUp(@Valid @RequestBody SignUpRequest request) {
        signUp.signUp(request.email(), request.password(), request.displayName(),
                request.locale() == null ? Locale.ENGLISH : Locale.forLanguageTag(request.locale()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(
                "If the address can be used, a link to verify it is on its way; it works for 24 hours."));
    }

    /** Verifies an address with the token of the link emailed to it; 204, or why the link does not work. */
    @PostMapping("/verification")
    @Operation(summary = "Verify an address with the emailed link's token")
    @ApiResponse(responseCode = "204", description = "Verified")
    @ApiResponse(responseCode = "404", description = "`link-unknown`: already used, or never sent",
            content = @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(ref = ProblemResponses.PROBLEM_REF)))
    @ApiResponse(responseCode = "410", description = "`link-expired`: sign up again for a new link",
            content = @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(ref = ProblemResponses.PROBLEM_REF)))
    ResponseEntity<Void> verify(@Valid @RequestBody VerificationRequest request) {
        signUp.verify(request.token());
        return ResponseEntity.noContent().build();
    }

    /**
     * @param email       where the owner is reached, and signs in with
     * @param password    12 to 64 characters, not a common or easily guessed one
     * @param displayName how emails greet the owner; the address's part before the @ if absent
     * @param locale      the owner's language, a BCP 47 tag such as {@code en} or {@code es-US}
     */
    record SignUpRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 256) String password,
            @Size(max = 100) String displayName,
            @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*") String locale) {
    }

    /** @param token the token of the emailed link */
    record VerificationRequest(@NotBlank @Size(max = 100) String token) {
    }

    /** @param message what happens next */
    record Accepted(String message) {
    }
}
