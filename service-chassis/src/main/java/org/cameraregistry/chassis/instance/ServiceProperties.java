package org.cameraregistry.chassis.instance;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What tells one instance of a service from another, under {@code service.*}.
 *
 * @param instanceId this instance's name among several of the same service: stable across its
 *                   restarts and unique among the instances running (a pod's name in Kubernetes,
 *                   which is the host name, the default; the local stack names each instance)
 */
@ConfigurationProperties("service")
public record ServiceProperties(String instanceId) {

    public ServiceProperties {
        if (instanceId == null || instanceId.isBlank()) {
            instanceId = hostName();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
