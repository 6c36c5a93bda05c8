package org.cameraregistry.identity.signin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The page where owners and staff sign in; Spring Security takes the form it posts. */
@Controller
class SignInPage {

    @GetMapping("/login")
    String signIn() {
        return "signin/login";
    }
}
