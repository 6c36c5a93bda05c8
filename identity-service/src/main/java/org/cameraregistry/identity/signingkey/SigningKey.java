package org.cameraregistry.identity.signingkey;

import com.nimbusds.jose.jwk.RSAKey;
import java.time.Instant;

/**
 * One key tokens are signed with.
 *
 * @param key         the RSA key pair, its {@code kid} the key's id
 * @param createdAt   when it was made
 * @param activatesAt when it may start signing; until then it is only published
 */
public record SigningKey(RSAKey key, Instant createdAt, Instant activatesAt) {

    public String id() {
        return key.getKeyID();
    }

    /** What an operator may see of it: never the private part. */
    public Summary summary(boolean signing) {
        return new Summary(id(), createdAt, activatesAt, signing);
    }

    /**
     * @param id          the {@code kid}
     * @param createdAt   when it was made
     * @param activatesAt when it starts, or started, signing
     * @param signing     whether it signs new tokens now
     */
    public record Summary(String id, Instant createdAt, Instant activatesAt, boolean signing) {
    }
}
