package org.cameraregistry.identity.signingkey;

import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/signingkeys} on the management port: lists the published keys and rotates on
 * demand, as when a key may have leaked (docs/runbook.md). The old key stays published until the
 * tokens it signed have expired.
 */
@Component
@Endpoint(id = "signingkeys")
public class SigningKeysEndpoint {

    private final SigningKeys keys;

    SigningKeysEndpoint(SigningKeys keys) {
        this.keys = keys;
    }

    @ReadOperation
    public List<SigningKey.Summary> keys() {
        return keys.summaries();
    }

    @WriteOperation
    public SigningKey.Summary rotate() {
        return keys.rotate().summary(false);
    }
}
