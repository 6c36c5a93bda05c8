package org.cameraregistry.identity.password;

import static org.cameraregistry.chassis.openapi.ProblemResponses.PROBLEM_JSON;
import static org.cameraregistry.chassis.openapi.ProblemResponses.PROBLEM_REF;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.cameraregistry.chassis.openapi.ProblemResponses;
import org.cameraregistry.identity.account.Account;
import org.cameraregistry.identity.account.AccountNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in account chooses a new password. */
@RestController
@RequestMapping("/api/me/password")
@SecurityRequirement(name = ProblemResponses.BEARER)
class PasswordChangeController {

    private final PasswordChange passwordChange;

    PasswordChangeController(PasswordChange passwordChange) {
        this.passwordChange = passwordChange;
    }

    @PostMapping
    @Operation(summary = "Change the signed-in account's password", description = "Needs the current password;"
            + " wrong ones count as failed sign-ins. The new one must meet the same rules as at sign-up.")
    @ApiResponse(responseCode = "204", description = "Changed: the next sign-in takes the new password")
    @ApiResponse(responseCode = "400", description = "`weak-password` (with `reason`), or `invalid-request` naming the field",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(responseCode = "403", description = "`password-not-confirmed`: the current password is not the account's",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(responseCode = "429", description = "`too-many-attempts`, with `Retry-After`: too many wrong passwords",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_REF)))
    ResponseEntity<Void> change(@AuthenticationPrincipal Jwt token, @Valid @RequestBody PasswordChangeRequest request,
            HttpServletRequest http) {
        UUID accountId = Account.idIn(token.getSubject()).orElseThrow(AccountNotFoundException::new);
        passwordChange.change(accountId, request.currentPassword(), request.newPassword(), http.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    /**
     * @param currentPassword the password the account has now
     * @param newPassword     the one it is to have
     */
    record PasswordChangeRequest(@NotBlank @Size(max = 200) String currentPassword, @NotBlank @Size(max = 256) String newPassword) {
    }
}
