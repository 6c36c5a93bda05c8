package org.cameraregistry.identity.token;

import java.util.List;
import org.cameraregistry.identity.IdentityProperties;
import org.cameraregistry.identity.account.Account;
import org.cameraregistry.identity.account.AccountStore;
import org.cameraregistry.identity.account.Role;
import org.cameraregistry.identity.client.ClientDirectory;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * What a token says about its holder, read from the account as it is now (so a disabled account, or
 * one whose roles changed, gets no token with the old ones, not even by a refresh):
 * <ul>
 * <li>access tokens: {@code sub} (the account's id, or a dispatch system's client id), {@code roles},
 * {@code department} (staff and dispatch systems), and {@code aud}, the platform's API;</li>
 * <li>ID tokens: the address and whether it is verified, for the gateway to show.</li>
 * </ul>
 */
@Component
public class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final AccountStore accounts;
    private final String audience;

    AccessTokenClaims(AccountStore accounts, IdentityProperties properties) {
        this.accounts = accounts;
        this.audience = properties.audience();
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            String department = context.getRegisteredClient().getClientSettings().getSetting(ClientDirectory.DEPARTMENT_SETTING);
            context.getClaims()
                    .audience(List.of(audience))
                    .claim("roles", List.of(Role.DISPATCH))
                    .claim("department", department);
            return;
        }
        Account account = current(context.getPrincipal().getName());
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            context.getClaims()
                    .audience(List.of(audience))
                    .claim("roles", account.roles().stream().map(Role::name).sorted().toList());
            account.departmentId().ifPresent(department -> context.getClaims().claim("department", department));
        } else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())
                && context.getAuthorizedScopes().contains(OidcScopes.EMAIL)) {
            context.getClaims().claim("email", account.email()).claim("email_verified", account.emailVerified());
        }
    }

    private Account current(String accountId) {
        return Account.idIn(accountId).flatMap(accounts::findById).filter(Account::maySignIn)
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                        "The account no longer signs in", null)));
    }
}
