package org.cameraregistry.gateway.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's home: what the program is, its two levels, what the police can and cannot do, the privacy promises. */
@Controller
class HomePage {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
