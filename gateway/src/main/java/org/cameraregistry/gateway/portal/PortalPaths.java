package org.cameraregistry.gateway.portal;

import java.util.List;

/** Which of the portal's paths need a signed-in owner, and which take its forms. */
public final class PortalPaths {

    /** The landing page once signed in. */
    public static final String MY_CAMERAS = "/cameras";

    /** Pages only a signed-in owner sees: anyone else is sent to sign in first, and brought back. */
    public static final List<String> SIGNED_IN = List.of("/cameras", "/cameras/**", "/account", "/account/**");

    /**
     * Where the portal's forms post. Each carries the session's CSRF token, even one filled in before
     * signing in (opening its page starts the session that keeps the token).
     */
    public static final List<String> FORMS = List.of("/signup", "/cameras/**", "/account/**");

    private PortalPaths() {
    }
}
