package org.cameraregistry.device;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Connects on-premise CORE devices: credentials, sessions, presence, and live relays while a grant allows. */
@SpringBootApplication
public class DeviceGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(DeviceGatewayApplication.class, args);
    }
}
