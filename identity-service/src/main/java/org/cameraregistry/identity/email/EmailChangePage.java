package org.cameraregistry.identity.email;

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
 * The page the link sent to a new address opens. Opening it only asks, since mail providers' link
 * scanners open links; the button moves the account.
 */
@Controller
@RequestMapping(LinkPurpose.CONFIRM_ADDRESS_PAGE)
class EmailChangePage {

    private final EmailChange emailChange;

    EmailChangePage(EmailChange emailChange) {
        this.emailChange = emailChange;
    }

    @GetMapping
    String ask(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        return "email/confirm";
    }

    @PostMapping
    String confirm(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("email", emailChange.confirm(token));
            return "email/confirmed";
        } catch (AddressNowTakenException taken) {
            response.setStatus(409);
            model.addAttribute("taken", true);
            model.addAttribute("expired", false);
            return "email/refused";
        } catch (RefusedLinkException refused) {
            boolean expired = refused.why() == RefusedLinkException.Why.EXPIRED;
            response.setStatus(expired ? 410 : 404);
            model.addAttribute("taken", false);
            model.addAttribute("expired", expired);
            return "email/refused";
        }
    }
}
