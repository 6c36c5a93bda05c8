package org.cameraregistry.identity.operator;

import org.cameraregistry.identity.client.ClientDirectory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code POST /actuator/dispatchclients}, an operator's endpoint (management port, or this host
 * only): registers a department's dispatch system as a client-credentials client with the scope
 * {@code incidents:write}, or gives an existing one a new secret. Only the secret's hash is kept.
 */
@Component
@Endpoint(id = "dispatchclients")
public class OperatorDispatchClientsEndpoint {

    private final ClientDirectory clients;

    OperatorDispatchClientsEndpoint(ClientDirectory clients) {
        this.clients = clients;
    }

    @WriteOperation
    public DispatchClient register(String clientId, String secret, String department) {
        clients.saveDispatchClient(clientId, secret, department);
        return new DispatchClient(clientId, department);
    }

    public record DispatchClient(String clientId, String department) {
    }
}
