package org.cameraregistry.identity.staff;

import static org.cameraregistry.chassis.openapi.ProblemResponses.PROBLEM_JSON;
import static org.cameraregistry.chassis.openapi.ProblemResponses.PROBLEM_REF;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.cameraregistry.chassis.openapi.ProblemResponses;
import org.cameraregistry.identity.account.Account;
import org.cameraregistry.identity.account.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A department's staff, for its own DEPT_ADMIN only (the token's {@code department} claim must name
 * the department in the path; see the account API's rules in AuthorizationServerSecurity).
 */
@RestController
@RequestMapping(StaffController.PATH)
@Tag(name = "Staff", description = "A department's admin invites its investigators, supervisors and admins, and"
        + " disables those who left.")
@SecurityRequirement(name = ProblemResponses.BEARER)
class StaffController {

    static final String PATH = "/api/departments/{departmentId}/staff";
    private static final String NOT_FOUND = "`staff-member-not-found`: no member of this department has this id;"
            + " `department-not-found`: the department is not registered";

    private final StaffDirectory staff;

    StaffController(StaffDirectory staff) {
        this.staff = staff;
    }

    @GetMapping
    @Operation(summary = "The department's staff", description = "Every member, by address, disabled ones included.")
    @ApiResponse(responseCode = "200", description = "The staff")
    @ApiResponse(responseCode = "404", description = "`department-not-found`: the department is not registered",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_REF)))
    Staff list(@PathVariable String departmentId) {
        return new Staff(staff.staffOf(departmentId).stream().map(StaffMember::of).toList());
    }

    @PostMapping
    @Operation(summary = "Invite a member of staff", description = "Opens their account and emails them a link,"
            + " valid for seven days, where they choose their password; until then they cannot sign in.")
    @ApiResponse(responseCode = "201", description = "Invited")
    @ApiResponse(responseCode = "404", description = "`department-not-found`: the department is not registered",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(responseCode = "409", description = "`address-taken`: the address has an account already",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_REF)))
    ResponseEntity<StaffMember> invite(@PathVariable String departmentId, @Valid @RequestBody Invitation invitation) {
        Account member = staff.invite(departmentId, invitation.email(), invitation.role(), invitation.displayName());
        return ResponseEntity.created(URI.create("/api/departments/" + departmentId + "/staff/" + member.id()))
                .body(StaffMember.of(member));
    }

    @PostMapping("/{memberId}/disable")
    @Operation(summary = "Disable a member of staff", description = "They can no longer sign in or renew a token;"
            + " a token they hold stops working when it expires, within five minutes.")
    @ApiResponse(responseCode = "200", description = "Disabled (or disabled already)")
    @ApiResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(responseCode = "409", description = "`disabling-yourself`: an admin cannot disable their own account",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_REF)))
    StaffMember disable(@PathVariable String departmentId, @PathVariable UUID memberId, @AuthenticationPrincipal Jwt admin) {
        return StaffMember.of(staff.setDisabled(departmentId, memberId, true, UUID.fromString(admin.getSubject())));
    }

    @PostMapping("/{memberId}/enable")
    @Operation(summary = "Enable a disabled member of staff again")
    @ApiResponse(responseCode = "200", description = "Enabled (or enabled already)")
    @ApiResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_REF)))
    StaffMember enable(@PathVariable String departmentId, @PathVariable UUID memberId, @AuthenticationPrincipal Jwt admin) {
        return StaffMember.of(staff.setDisabled(departmentId, memberId, false, UUID.fromString(admin.getSubject())));
    }

    /**
     * @param role        INVESTIGATOR, SUPERVISOR or DEPT_ADMIN
     * @param displayName how the platform greets them; the address's local part if absent
     */
    record Invitation(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull Role role,
            @Size(max = 100) String displayName) {
    }

    record Staff(List<StaffMember> staff) {
    }

    /**
     * @param invitationPending whether they have yet to choose their password through the invitation
     */
    record StaffMember(UUID id, String email, String displayName, List<String> roles, boolean disabled,
            boolean invitationPending) {

        static StaffMember of(Account account) {
            return new StaffMember(account.id(), account.email(), account.displayName(),
                    account.roles().stream().map(Role::name).sorted().toList(), account.disabled(),
                    !account.emailVerified());
        }
    }
}
