package org.cameraregistry.identity.erasure;

import static org.cameraregistry.chassis.openapi.ProblemResponses.PROBLEM_JSON;
import static org.cameraregistry.chassis.openapi.ProblemResponses.PROBLEM_REF;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.Instant;
import java.util.UUID;
import org.cameraregistry.chassis.openapi.ProblemResponses;
import org.cameraregistry.identity.account.Account;
import org.cameraregistry.identity.account.AccountNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An owner erases their own account, and with it everything the platform holds about them. */
@RestController
@RequestMapping("/api/me")
@SecurityRequirement(name = ProblemResponses.BEARER)
class ErasureController {

    private final AccountErasure erasure;

    ErasureController(AccountErasure erasure) {
        this.erasure = erasure;
    }

    @DeleteMapping
    @Operation(summary = "Erase the signed-in owner's account", description = "At once here: the account, its links"
            + " and its sign-in history; within seconds everywhere else: every camera it registered, its contact"
            + " details and email preferences, after a last email confirming the erasure. Staff accounts are"
            + " disabled by their department's admin instead (403). Tokens already issued stop working within"
            + " their five minutes; `GET /api/me` answers 404 meanwhile.")
    @ApiResponse(responseCode = "202", description = "Erased here; the other services are forgetting the account")
    @ApiResponse(responseCode = "404", description = "`account-not-found`: erased already, or never an account",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_REF)))
    ResponseEntity<Erased> erase(@AuthenticationPrincipal Jwt token) {
        UUID accountId = Account.idIn(token.getSubject()).orElseThrow(AccountNotFoundException::new);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Erased(accountId, erasure.erase(accountId)));
    }

    /**
     * @param accountId the account that was erased
     * @param erasedAt  when
     */
    record Erased(UUID accountId, Instant erasedAt) {
    }
}
