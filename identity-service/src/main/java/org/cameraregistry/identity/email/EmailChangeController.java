package org.cameraregistry.identity.email;

import static org.cameraregistry.chassis.openapi.ProblemResponses.PROBLEM_JSON;
import static org.cameraregistry.chassis.openapi.ProblemResponses.PROBLEM_REF;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.cameraregistry.chassis.openapi.ProblemResponses;
import org.cameraregistry.identity.account.Account;
import org.cameraregistry.identity.account.AccountNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in account asks to be reached at a new address. */
@RestController
@RequestMapping("/api/me/email")
@SecurityRequirement(name = ProblemResponses.BEARER)
class EmailChangeController {

    private final EmailChange emailChange;

    EmailChangeController(EmailChange emailChange) {
        this.emailChange = emailChange;
    }

    @PostMapping
    @Operation(summary = "Change the signed-in account's address", description = "Needs the current password. A"
            + " one-time link, valid for 24 hours, goes to the new address; the account moves there when it is"
            + " used, and the old address is told. The answer is the same whether or not another account has the"
            + " new address (then no link is sent).")
    @ApiResponse(responseCode = "202", description = "A link is on its way to the new address, if it can be used")
    @ApiResponse(responseCode = "400", description = "`invalid-request` naming the field at fault, or `same-address`",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(responseCode = "403", description = "`password-not-confirmed`: the password is not the account's",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(responseCode = "429", description = "`too-many-attempts`, with `Retry-After`: too many wrong passwords",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_REF)))
    ResponseEntity<Requested> change(@AuthenticationPrincipal Jwt token, @Valid @RequestBody EmailChangeRequest request,
            HttpServletRequest http) {
        UUID accountId = Account.idIn(token.getSubject()).orElseThrow(AccountNotFoundException::new);
        emailChange.request(accountId, request.email(), request.password(), http.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Requested(
                "If the address can be used, a link to confirm it is on its way there; the account moves when it is used."));
    }

    /**
     * @param email    the new address
     * @param password the account's current password
     */
    record EmailChangeRequest(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 200) String password) {
    }

    /** @param status what happens next, in words */
    record Requested(String status) {
    }
}
