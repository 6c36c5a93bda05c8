package org.cameraregistry.identity.operator;

import java.net.URI;
import org.cameraregistry.identity.federation.DepartmentProviders;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code POST /actuator/departmentproviders}, an operator's endpoint (management port, or this host
 * only): a department's staff sign in through the department's own OpenID Connect provider, where
 * the registry is a confidential client with this id and secret (the secret is stored encrypted).
 * Its redirect URI at the provider is {@code <identity>/login/oauth2/code/<department id>}.
 */
@Component
@Endpoint(id = "departmentproviders")
public class OperatorDepartmentProvidersEndpoint {

    private final DepartmentProviders providers;

    OperatorDepartmentProvidersEndpoint(DepartmentProviders providers) {
        this.providers = providers;
    }

    /**
     * @param departmentId a registered department
     * @param issuer       the provider's issuer; its discovery document is read from it
     * @param clientId     the registry's client id there
     * @param clientSecret the registry's client secret there
     */
    @WriteOperation
    public ProviderSet set(String departmentId, String issuer, String clientId, String clientSecret) {
        URI issuerUri;
        try {
            issuerUri = URI.create(issuer);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw refused("issuer must be a URL");
        }
        if (issuerUri.getScheme() == null || !issuerUri.getScheme().matches("https?") || issuerUri.getHost() == null) {
            throw refused("issuer must be an http(s) URL");
        }
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
            throw refused("clientId and clientSecret are needed");
        }
        if (!providers.set(departmentId, issuerUri, clientId.strip(), clientSecret)) {
            throw refused("no department " + departmentId + ": register it first with /actuator/departments");
        }
        return new ProviderSet(departmentId, issuerUri, "/login/oauth2/code/" + departmentId);
    }

    private static InvalidEndpointRequestException refused(String reason) {
        return new InvalidEndpointRequestException(reason, reason);
    }

    /**
     * @param departmentId the department
     * @param issuer       its provider
     * @param redirectPath the path, on identity-service's public address, to register at the provider
     */
    public record ProviderSet(String departmentId, URI issuer, String redirectPath) {
    }
}
