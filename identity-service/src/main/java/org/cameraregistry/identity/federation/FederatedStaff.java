package org.cameraregistry.identity.federation;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cameraregistry.identity.account.Account;
import org.cameraregistry.identity.account.AccountStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * Who a department's provider signed in: the staff account of that department with the address the
 * provider vouches for. The department's admin makes the account first (an invitation); an address
 * with no account there, or one of another department, or a disabled account, is refused. The
 * account signed in this way is the one every token names, with its roles and department, so
 * nothing downstream knows or cares which provider it came through; its address counts as verified.
 */
@Component
public class FederatedStaff implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(FederatedStaff.class);

    private final OidcUserService provider = new OidcUserService();
    private final AccountStore accounts;

    FederatedStaff(AccountStore accounts) {
        this.accounts = accounts;
        // The signed ID token carries the address; a department's userinfo endpoint adds nothing the registry uses.
        provider.setRetrieveUserInfo(request -> false);
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser external = provider.loadUser(request);
        String departmentId = request.getClientRegistration().getRegistrationId();
        String email = external.getEmail();
        if (email == null || Boolean.FALSE.equals(external.getEmailVerified())) {
            throw refused("Your department's sign-in did not give a verified email address.");
        }
        Account account = accounts.findByEmail(email)
                .filter(found -> found.departmentId().filter(departmentId::equals).isPresent())
                .filter(found -> !found.disabled())
                .orElseThrow(() -> {
                    log.info("department {} signed in an address with no enabled staff account there", departmentId);
                    return refused("There is no account for you at your department yet: ask your department's admin.");
                });
        accounts.changeWhileCurrent(account.id(), current -> current.emailVerified() || accounts.markVerified(current));
        return new StaffMember(external, account, Instant.now());
    }

    /** Where a refused department sign-in lands: the sign-in page, saying so; the reason goes to the log. */
    public static AuthenticationFailureHandler refusedSignIn() {
        return new SimpleUrlAuthenticationFailureHandler("/login?departmentRefused") {
            @Override
            public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                    AuthenticationException refusal) throws IOException, ServletException {
                log.info("a department sign-in was refused: {}", refusal.getMessage());
                super.onAuthenticationFailure(request, response, refusal);
            }
        };
    }

    private static OAuth2AuthenticationException refused(String why) {
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied", why, null), why);
    }

    /** The provider's user, named by the staff account's id. */
    private record StaffMember(OidcUser external, Account account, Instant signedInAt) implements OidcUser {

        @Override
        public String getName() {
            return account.id().toString();
        }

        @Override
        public Map<String, Object> getClaims() {
            return external.getClaims();
        }

        @Override
        public OidcUserInfo getUserInfo() {
            return external.getUserInfo();
        }

        @Override
        public OidcIdToken getIdToken() {
            return external.getIdToken();
        }

        @Override
        public Map<String, Object> getAttributes() {
            return external.getAttributes();
        }

        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            List<GrantedAuthority> authorities = new ArrayList<>();
            account.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
            // How and when this sign-in was made: the tokens issued here take their auth_time from it.
            authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY)
                    .issuedAt(signedInAt).build());
            return authorities;
        }
    }
}
