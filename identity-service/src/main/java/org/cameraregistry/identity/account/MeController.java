package org.cameraregistry.identity.account;

import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in account, as it is now. */
@RestController
@RequestMapping("/api/me")
class MeController {

    private final AccountStore store;

    MeController(AccountStore store) {
        this.store = store;
    }

    @GetMapping
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
     * @param department    the department of staff, absent for owners
     * @param displayName   how the platform greets it
     * @param locale        its language
     */
    record Me(UUID id, String email, boolean emailVerified, List<String> roles, String department, String displayName,
            String locale) {
    }
}
