package org.cameraregistry.identity.signin;

import org.cameraregistry.identity.federation.DepartmentProviders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The page where owners and staff sign in; Spring Security takes the form it posts. */
@Controller
class SignInPage {

    private final DepartmentProviders providers;

    SignInPage(DepartmentProviders providers) {
        this.providers = providers;
    }

    /** The form, and a way in for the staff of each department that signs its staff in itself. */
    @GetMapping("/login")
    String signIn(Model model) {
        model.addAttribute("departments", providers.all());
        return "signin/login";
    }
}
