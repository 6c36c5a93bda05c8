package org.cameraregistry.identity.account;

import java.util.List;
import java.util.UUID;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.cameraregistry.chassis.openapi.ProblemResponses;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in account, as it is now. */
@RestController
@RequestMapping("/api/me")
@SecurityRequirement(name = ProblemResponses.BEARER)
class MeController {

    private final AccountStore store;

    MeController(AccountStore store) {
        this.store = store;
    }

    @GetMapping
    @Operation(summary = "Read the signed-in account")
    @ApiResponse(responseCode = "200", description = "The account")
    @ApiResponse(responseCode = "404", description = "`account-not-found`: the token names no account (a dispatch"
            + " system's, or an account erased since)", content = @Content(mediaType = ProblemResponses.PROBLEM_JSON,
            schema = @Schema(ref = ProblemResponses.PROBLEM_REF)))
    ResponseEntity<Me> me(@AuthenticationPrincipal Jwt token) {
        return Account.idIn(token.getSubject()).flatMap(store::findById)
                .map(account -> ResponseEntity.ok(new Me(account.id(), account.email(), account.emailVerified(),
                        account.roles().stream().map(Role::name).sorted().toList(), account.departmentId().orElse(null),
                        account.displayName(), account.locale().toLanguageTag())))
                .orElseThrow(AccountNotFoundException::new);
    }

    /**
     * @param id            the account's id, the {@code sub} of its tokens
     * @param email         its address
     * @param emailVerified whether the address was verified
     * @param roles         what it may do
     * @param department    the department of staff; absent for owners
     * @param displayName   how the platform greets it
     * @param locale        its language
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Me(UUID id, String email, boolean emailVerified, List<String> roles, String department, String displayName,
            String locale) {
    }
}
