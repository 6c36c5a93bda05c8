package org.cameraregistry.gateway.portal;

import org.cameraregistry.gateway.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * What every portal page knows: the session's CSRF token for its forms, who is signed in, and the
 * map's settings; and how a page answers when a service is away or the session has ended.
 */
@ControllerAdvice(basePackageClasses = PortalModel.class)
public class PortalModel {

    private static final Logger log = LoggerFactory.getLogger(PortalModel.class);

    private final GatewayProperties.MapView map;

    PortalModel(GatewayProperties properties) {
        this.map = properties.portal().map();
    }

    /**
     * A signed-in browser's CSRF token, for its forms. A page with a form for anyone (signing up)
     * asks for it itself: asking saves the token in a new session, which a mere visit should not start.
     */
    @ModelAttribute("csrf")
    Mono<CsrfToken> csrf(ServerWebExchange exchange) {
        return exchange.getPrincipal().flatMap(signedIn -> csrfToken(exchange));
    }

    /** The session's CSRF token, starting a session if there is none. */
    public static Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token;
    }

    @ModelAttribute("owner")
    Mono<SignedIn> owner(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .map(principal -> ((Authentication) principal).getPrincipal())
                .filter(OidcUser.class::isInstance)
                .map(user -> new SignedIn(((OidcUser) user).getEmail()));
    }

    @ModelAttribute("map")
    GatewayProperties.MapView map() {
        return map;
    }

    @ExceptionHandler(ServiceUnavailableException.class)
    String serviceAway(ServiceUnavailableException away, ServerWebExchange exchange, Model model) {
        log.warn("a portal page could not be served: {}", away.getMessage());
        exchange.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        exchange.getResponse().getHeaders().set("Retry-After", "30");
        return "portal/unavailable";
    }

    /** The provider no longer renews this session's tokens (the account was disabled or erased): sign in again. */
    @ExceptionHandler(OAuth2AuthorizationException.class)
    Mono<String> sessionEnded(ServerWebExchange exchange) {
        return exchange.getSession().flatMap(WebSession::invalidate)
                .thenReturn("redirect:/oauth2/authorization/camera-registry");
    }

    /** @param email the signed-in account's address */
    record SignedIn(String email) {
    }
}
