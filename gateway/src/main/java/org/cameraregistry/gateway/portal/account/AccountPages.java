package org.cameraregistry.gateway.portal.account;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cameraregistry.gateway.portal.ServiceCalls;
import org.cameraregistry.gateway.portal.ServiceUnavailableException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * The owner's account: its address, a new address or password (each confirmed with the current
 * password, which identity-service checks and throttles), and leaving altogether. Every change is
 * identity-service's; these pages only ask it, as the signed-in owner.
 */
@Controller
class AccountPages {

    private static final String IDENTITY = "identity-service";

    /** What a redirect back here says was done, by its {@code done} parameter. */
    private static final Map<String, String> DONE = Map.of(
            "email", "A link is on its way to your new address. Your address changes when you open it; until then,"
                    + " sign in with this one.",
            "password", "Your password is changed. Sign in with the new one from now on.");

    private final ServiceCalls services;
    /** Ends the provider's session too, as signing out does, then shows that the account is gone. */
    private final OidcClientInitiatedServerLogoutSuccessHandler signOutAtTheProvider;

    AccountPages(ServiceCalls services, ReactiveClientRegistrationRepository registrations) {
        this.services = services;
        this.signOutAtTheProvider = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        this.signOutAtTheProvider.setPostLogoutRedirectUri("{baseUrl}/account-deleted");
    }

    @GetMapping("/account")
    Mono<String> account(@RequestParam(required = false) String done, Model model) {
        model.addAttribute("done", done == null ? null : DONE.get(done));
        return page(model, Map.of(), null);
    }

    @PostMapping("/account/email")
    Mono<String> changeEmail(@ModelAttribute EmailForm form, Model model, ServerWebExchange exchange) {
        if (form.email().isBlank() || form.password().isEmpty()) {
            return refused(exchange, model, "email", "Enter the new address and your current password.", form.email());
        }
        return services.call(HttpMethod.POST, IDENTITY, "/api/me/email",
                Map.of("email", form.email().strip(), "password", form.password()), headers -> { }, true)
                .flatMap(answer -> switch (answer.status()) {
                    case 202 -> Mono.just("redirect:/account?done=email");
                    case 400 -> refused(exchange, model, "email", answer.problem().equals("same-address")
                            ? "That is already your address." : "Enter an address such as name@example.com.", form.email());
                    case 403 -> refused(exchange, model, "email", "Your current password is not right.", form.email());
                    case 429 -> refused(exchange, model, "email", tooMany(answer), form.email());
                    default -> Mono.error(unexpected("an address change", answer.status()));
                });
    }

    @PostMapping("/account/password")
    Mono<String> changePassword(@ModelAttribute PasswordForm form, Model model, ServerWebExchange exchange) {
        if (form.currentPassword().isEmpty() || form.newPassword().isEmpty()) {
            return refused(exchange, model, "password", "Enter your current password and the new one.", null);
        }
        return services.call(HttpMethod.POST, IDENTITY, "/api/me/password",
                Map.of("currentPassword", form.currentPassword(), "newPassword", form.newPassword()), headers -> { }, true)
                .flatMap(answer -> switch (answer.status()) {
                    case 204 -> Mono.just("redirect:/account?done=password");
                    case 400 -> refused(exchange, model, "password", answer.problem().equals("weak-password")
                            ? answer.detail() : "Enter your current password and the new one.", null);
                    case 403 -> refused(exchange, model, "password", "Your current password is not right.", null);
                    case 429 -> refused(exchange, model, "password", tooMany(answer), null);
                    default -> Mono.error(unexpected("a password change", answer.status()));
                });
    }

    @GetMapping("/account/delete")
    String deleteQuestion() {
        return "account/delete";
    }

    /**
     * Erases the account. The browser's sessions end with it, here and at the provider (so that no
     * one at this browser is signed in to an account that no longer exists), and it lands on a page
     * that says so.
     */
    @PostMapping("/account/delete")
    Mono<Void> delete(ServerWebExchange exchange) {
        return services.call(HttpMethod.DELETE, IDENTITY, "/api/me", null, headers -> { }, true)
                .flatMap(answer -> answer.is(202) || answer.is(404) ? exchange.getPrincipal()
                        : Mono.error(unexpected("an erasure", answer.status())))
                .cast(Authentication.class)
                .flatMap(signedIn -> exchange.getSession().flatMap(WebSession::invalidate)
                        .then(signOutAtTheProvider.onLogoutSuccess(new WebFilterExchange(exchange, done -> Mono.empty()), signedIn)));
    }

    /** Where an erased account's browser lands: signed out, and told what happens next. */
    @GetMapping("/account-deleted")
    String deleted() {
        return "account/deleted";
    }

    private Mono<String> page(Model model, Map<String, String> faults, String address) {
        return services.get(IDENTITY, "/api/me").map(answer -> {
            if (!answer.is(200)) {
                throw unexpected("the account", answer.status());
            }
            model.addAttribute("me", answer.body());
            model.addAttribute("faults", faults);
            model.addAttribute("newEmail", address == null ? "" : address);
            return "account/account";
        });
    }

    private Mono<String> refused(ServerWebExchange exchange, Model model, String form, String fault, String address) {
        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
        Map<String, String> faults = new LinkedHashMap<>();
        faults.put(form, fault);
        return page(model, faults, address);
    }

    private static String tooMany(ServiceCalls.Answer answer) {
        String wait = answer.headers().getFirst("Retry-After");
        return "Too many wrong passwords. Try again in " + (wait == null ? "a few minutes" : wait + " seconds") + ".";
    }

    private static ServiceUnavailableException unexpected(String what, int status) {
        return new ServiceUnavailableException(IDENTITY, new IllegalStateException(what + " answered " + status));
    }

    /**
     * @param email    the new address
     * @param password the current password
     */
    record EmailForm(String email, String password) {
        EmailForm {
            email = email == null ? "" : email;
            password = password == null ? "" : password;
        }
    }

    /**
     * @param currentPassword the password now
     * @param newPassword     the one to have
     */
    record PasswordForm(String currentPassword, String newPassword) {
        PasswordForm {
            currentPassword = currentPassword == null ? "" : currentPassword;
            newPassword = newPassword == null ? "" : newPassword;
        }
    }
}
