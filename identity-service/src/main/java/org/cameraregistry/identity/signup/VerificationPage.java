package org.cameraregistry.identity.signup;

import jakarta.servlet.http.HttpServletResponse;
import org.cameraregistry.identity.onetime.LinkPurpose;
import org.cameraregistry.identity.onetime.RefusedLinkException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page the verification email links to. Opening it only asks, since mail providers' link
 * scanners open links; the button verifies.
 */
@Controller
@RequestMapping(LinkPurpose.VERIFY_PAGE)
class VerificationPage {

    private final SignUp signUp;

    VerificationPage(SignUp signUp) {
        this.signUp = signUp;
    }

    @GetMapping
    String ask(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        return "signup/verify";
    }

    @PostMapping
    String verify(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        try {
            signUp.verify(token);
            return "signup/verified";
        } catch (RefusedLinkException refused) {
            boolean expired = refused.why() == RefusedLinkException.Why.EXPIRED;
            response.setStatus(expired ? 410 : 404);
            model.addAttribute("expired", expired);
            return "signup/refused";
        }
    }
}
