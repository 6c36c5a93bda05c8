package org.cameraregistry.identity.reset;

import jakarta.servlet.http.HttpServletResponse;
import org.cameraregistry.identity.onetime.LinkPurpose;
import org.cameraregistry.identity.onetime.RefusedLinkException;
import org.cameraregistry.identity.password.WeakPasswordException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The pages of a forgotten password: asking for the link, and the page the link opens. */
@Controller
class PasswordResetPages {

    private final PasswordReset reset;

    PasswordResetPages(PasswordReset reset) {
        this.reset = reset;
    }

    @GetMapping("/accounts/forgot-password")
    String ask() {
        return "reset/forgot";
    }

    @PostMapping("/accounts/forgot-password")
    String requested(@RequestParam(defaultValue = "") String email) {
        if (email.contains("@") && email.length() <= 254) {
            reset.request(email);
        }
        return "reset/requested";
    }

    @GetMapping(LinkPurpose.RESET_PAGE)
    String choose(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        return "reset/choose";
    }

    @PostMapping(LinkPurpose.RESET_PAGE)
    String set(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
            Model model, HttpServletResponse response) {
        try {
            reset.reset(token, password);
            return "reset/done";
        } catch (WeakPasswordException weak) {
            response.setStatus(400);
            model.addAttribute("token", token);
            model.addAttribute("problem", weak.getMessage());
            return "reset/choose";
        } catch (RefusedLinkException refused) {
            boolean expired = refused.why() == RefusedLinkException.Why.EXPIRED;
            response.setStatus(expired ? 410 : 404);
            model.addAttribute("expired", expired);
            return "reset/refused";
        }
    }
}
