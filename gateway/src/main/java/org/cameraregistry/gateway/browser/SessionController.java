package org.cameraregistry.gateway.browser;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code GET /session}: whether this browser is signed in, as whom, and the CSRF token its
 * requests that change something must carry (in the header it names). Never a token of the
 * provider's: those stay in the gateway.
 */
@RestController
class SessionController {

    @GetMapping(path = BrowserSessionSecurity.SESSION_PATH, produces = "application/json")
    Mono<ResponseEntity<Map<String, Object>>> session(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .map(principal -> ((OAuth2AuthenticationToken) principal).getPrincipal())
                .filter(OidcUser.class::isInstance)
                .cast(OidcUser.class)
                .flatMap(user -> csrf(exchange).map(token -> {
                    Map<String, Object> session = new LinkedHashMap<>();
                    session.put("signedIn", true);
                    session.put("accountId", user.getSubject());
                    session.put("email", user.getEmail());
                    session.put("csrf", Map.of("headerName", token.getHeaderName(), "parameterName", token.getParameterName(),
                            "token", token.getToken()));
                    session.put("signOut", "POST /logout");
                    return session;
                }))
                .defaultIfEmpty(Map.of("signedIn", false, "signIn", BrowserSessionSecurity.SIGN_IN_PATH))
                .map(body -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body));
    }

    private static Mono<CsrfToken> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token;
    }
}
