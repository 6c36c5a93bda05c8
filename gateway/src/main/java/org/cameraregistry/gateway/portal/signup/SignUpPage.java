package org.cameraregistry.gateway.portal.signup;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cameraregistry.gateway.portal.PortalModel;
import org.cameraregistry.gateway.portal.ServiceCalls;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Opening an owner's account: the address and a password, sent to identity-service, which emails a
 * link to verify the address. The page answers the same whether or not the address already has an
 * account, as identity-service does: the email tells the owner which it was.
 */
@Controller
@RequestMapping("/signup")
class SignUpPage {

    private final ServiceCalls services;

    SignUpPage(ServiceCalls services) {
        this.services = services;
    }

    @GetMapping
    Mono<String> form(Model model, ServerWebExchange exchange) {
        return page(model, exchange, new SignUpForm("", ""), Map.of(), null);
    }

    @GetMapping("/sent")
    String sent() {
        return "signup/sent";
    }

    @PostMapping
    Mono<String> signUp(@ModelAttribute("form") SignUpForm form, Model model, ServerWebExchange exchange) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.email().isBlank()) {
            errors.put("email", "Enter your email address");
        }
        if (form.password().isEmpty()) {
            errors.put("password", "Choose a password");
        }
        if (!errors.isEmpty()) {
            return page(model, exchange, form, errors, null);
        }
        return services.call(HttpMethod.POST, "identity-service", "/api/accounts",
                Map.of("email", form.email().strip(), "password", form.password()), headers -> { }, false)
                .flatMap(answer -> switch (answer.status()) {
                    case 202 -> Mono.just("redirect:/signup/sent");
                    case 400 -> page(model, exchange, form, refusal(answer), null);
                    case 429 -> page(model, exchange, form, Map.of(),
                            "Too many attempts from here just now. Wait a minute, then try again.");
                    default -> page(model, exchange, form, Map.of(), answer.detail());
                });
    }

    private static Map<String, String> refusal(ServiceCalls.Answer answer) {
        if (answer.problem().equals("weak-password")) {
            return Map.of("password", answer.detail());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        answer.body().path("errors").forEach(error -> {
            String field = error.path("field").asString("");
            errors.putIfAbsent(field, field.equals("email") ? "Enter an email address such as name@example.com"
                    : "The " + field + " " + error.path("message").asString("is not valid"));
        });
        return errors;
    }

    private static Mono<String> page(Model model, ServerWebExchange exchange, SignUpForm form, Map<String, String> errors,
            String problem) {
        if (!errors.isEmpty() || problem != null) {
            exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
        }
        // The password is never sent back to the browser, even to be corrected.
        model.addAttribute("form", new SignUpForm(form.email(), ""));
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        return PortalModel.csrfToken(exchange).map(token -> {
            model.addAttribute("csrf", token);
            return "signup/form";
        });
    }

    /**
     * @param email    where the owner is reached, and signs in with
     * @param password the password they chose
     */
    record SignUpForm(String email, String password) {
        SignUpForm {
            email = email == null ? "" : email;
            password = password == null ? "" : password;
        }
    }
}
