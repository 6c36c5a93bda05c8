package org.cameraregistry.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.cameraregistry.catalog.PlatformService;
import org.cameraregistry.catalog.ServiceCatalog;

/**
 * Where each part of the local stack listens, all on the loopback address: every instance of every
 * service (the gateway first), the gateway's management port, Kafka, MongoDB and the mail catcher.
 *
 * @param instances each service's instances' ports, by service name, in start order
 * @param smtp      where the mail catcher takes email
 * @param mailWeb   where the mail catcher shows what it caught
 */
public record StackPorts(Map<String, List<Integer>> instances, int gatewayManagement, int kafka, int kafkaController,
        int mongo, int smtp, int mailWeb) {

    /**
     * The catalog's ports, which the README and the services' own defaults use; a second instance
     * of a service listens 100 above the first, a third 200 above, and so on.
     */
    public static StackPorts defaults(Map<String, Integer> counts) {
        Map<String, List<Integer>> instances = new LinkedHashMap<>();
        for (PlatformService service : everything()) {
            List<Integer> ports = new ArrayList<>();
            for (int instance = 0; instance < count(counts, service); instance++) {
                ports.add(service.port() + 100 * instance);
            }
            instances.put(service.name(), List.copyOf(ports));
        }
        // The mail catcher listens where Mailpit does by default.
        return new StackPorts(instances, ServiceCatalog.GATEWAY_MANAGEMENT_PORT, 9092, 9093, 27017, 1025, 8025);
    }

    /**
     * Ports nothing listens on now, all different, so that a test stack can run beside anything
     * else: each is held open until all are chosen, so that none is chosen twice.
     */
    public static StackPorts free(Map<String, Integer> counts) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            IntSupplier free = () -> hold(held);
            Map<String, List<Integer>> instances = new LinkedHashMap<>();
            for (PlatformService service : everything()) {
                List<Integer> ports = new ArrayList<>();
                for (int instance = 0; instance < count(counts, service); instance++) {
                    ports.add(free.getAsInt());
                }
                instances.put(service.name(), List.copyOf(ports));
            }
            return new StackPorts(instances, free.getAsInt(), free.getAsInt(), free.getAsInt(), free.getAsInt(),
                    free.getAsInt(), free.getAsInt());
        } finally {
            held.forEach(StackPorts::closeQuietly);
        }
    }

    public int gateway() {
        return instances.get(ServiceCatalog.GATEWAY.name()).getFirst();
    }

    /** Fails with a message saying which port is taken, and for what. */
    void requireAllFree() {
        instances.forEach((service, ports) -> ports.forEach(port -> requireFree(port, service)));
        requireFree(gatewayManagement, "the gateway's health and metrics");
        requireFree(kafka, "Kafka");
        requireFree(kafkaController, "the Kafka controller");
        requireFree(mongo, "MongoDB");
        requireFree(smtp, "the mail catcher's SMTP server");
        requireFree(mailWeb, "the mail catcher's web page");
    }

    /** The gateway, then every service of the catalog. */
    private static List<PlatformService> everything() {
        List<PlatformService> all = new ArrayList<>();
        all.add(ServiceCatalog.GATEWAY);
        all.addAll(ServiceCatalog.services());
        return all;
    }

    private static int count(Map<String, Integer> counts, PlatformService service) {
        return service == ServiceCatalog.GATEWAY ? 1 : counts.getOrDefault(service.name(), 1);
    }

    private static void requireFree(int port, String whose) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " (for " + whose + ") is already in use: is another local"
                    + " stack, or something else, listening on it? Stop it and start again.");
        }
    }

    private static int hold(List<ServerSocket> held) {
        try {
            ServerSocket socket = new ServerSocket(0);
            held.add(socket);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Only a port probe.
        }
    }
}
