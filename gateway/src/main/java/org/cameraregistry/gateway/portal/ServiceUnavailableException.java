package org.cameraregistry.gateway.portal;

/** A service the page needed did not answer: the page says so, and that nothing was lost. */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String service, Throwable cause) {
        super(service + " did not answer: " + cause.getMessage(), cause);
    }
}
