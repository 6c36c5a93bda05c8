package org.cameraregistry.chassis.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * An operator's actuator endpoint (the outbox, signing keys) answers only on the management port
 * when the service has one of its own, and otherwise only to a caller on the same host (the local
 * stack's {@code curl localhost:...}, or {@code kubectl port-forward}). The gateway never routes
 * {@code /actuator}.
 */
public final class OperatorRequests {

    private OperatorRequests() {
    }

    /** @param managementPort {@code management.server.port}, or a value below 1 when it shares the server's */
    public static RequestMatcher matcher(int managementPort) {
        RequestMatcher endpoints = EndpointRequest.toAnyEndpoint();
        return request -> endpoints.matches(request)
                && (managementPort > 0 ? request.getLocalPort() == managementPort : fromThisHost(request));
    }

    private static boolean fromThisHost(HttpServletRequest request) {
        try {
            // The remote address is a literal, so no name is looked up.
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (IllegalArgumentException | UnknownHostException e) {
            return false;
        }
    }
}
