package org.cameraregistry.identity.signin;

import org.cameraregistry.identity.IdentityProperties;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where this service's pages send people on: to the owners' portal, which signs them in through
 * this provider and brings them to their cameras. A page opened from an email (a verification, a
 * reset) has no sign-in under way to go back to.
 */
@ControllerAdvice
class PortalLinks {

    private final String signIn;
    private final String signUp;

    PortalLinks(IdentityProperties properties) {
        this.signIn = UriComponentsBuilder.fromUri(properties.portalUrl()).path("/cameras").build().toUriString();
        this.signUp = UriComponentsBuilder.fromUri(properties.portalUrl()).path("/signup").build().toUriString();
    }

    @ModelAttribute
    void links(Model model) {
        model.addAttribute("portalSignIn", signIn);
        model.addAttribute("portalSignUp", signUp);
    }
}
