package org.cameraregistry.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Where each part of the local stack listens. */
public record Ports(
        int gateway,
        int registry,
        int geoSearch,
        int accessControl,
        int notification,
        int deviceGateway,
        int identity,
        int kafka,
        int kafkaController,
        int mongo) {

    /** The ports the README and the services' own defaults use. */
    public static Ports defaults() {
        return new Ports(8080, 8081, 8082, 8083, 8084, 8085, 8086, 9092, 9093, 27017);
    }

    /** Ports nothing listens on now, so that a test stack can run beside anything else. */
    public static Ports free() {
        return new Ports(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(),
                freePort(), freePort(), freePort());
    }

    /** Fails with a message saying which port is taken, and by what it probably is. */
    void requireAllFree() {
        requireFree(gateway, "the gateway");
        requireFree(registry, "registry-service");
        requireFree(geoSearch, "geo-search-service");
        requireFree(accessControl, "access-control-service");
        requireFree(notification, "notification-service");
        requireFree(deviceGateway, "device-gateway-service");
        requireFree(identity, "identity-service");
        requireFree(kafka, "Kafka");
        requireFree(kafkaController, "the Kafka controller");
        requireFree(mongo, "MongoDB");
    }

    private static void requireFree(int port, String whose) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("localhost", port));
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " (for " + whose + ") is already in use: is another local"
                    + " stack, or something else, listening on it? Stop it and start again.");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
