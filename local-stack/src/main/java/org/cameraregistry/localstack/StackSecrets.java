package org.cameraregistry.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The local stack's secrets: made at random on a first start, kept in the data folder (readable by
 * its owner alone) so that they hold across restarts, as an unsubscribe link emailed yesterday must
 * work today, and handed to the services as environment variables, never on a command line.
 */
final class StackSecrets {

    private static final String UNSUBSCRIBE_SIGNING_KEY = "notification-unsubscribe-signing-key";
    private static final String SIGNING_KEYS_PASSWORD = "identity-signing-keys-encryption-password";
    private static final String GATEWAY_CLIENT_SECRET = "gateway-client-secret";

    private final Path directory;

    private StackSecrets(Path directory) {
        this.directory = directory;
    }

    static StackSecrets in(Path directory) {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory);
                ownerOnly(directory, "rwx------");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory, e);
        }
        return new StackSecrets(directory);
    }

    /** The environment a service's instances get: every instance of a service the same. */
    Map<String, String> of(String service) {
        return switch (service) {
            case "notification-service" -> Map.of("NOTIFICATION_UNSUBSCRIBE_SIGNINGKEY", key(UNSUBSCRIBE_SIGNING_KEY));
            case "identity-service" -> Map.of(
                    "IDENTITY_SIGNINGKEYS_ENCRYPTIONPASSWORD", key(SIGNING_KEYS_PASSWORD),
                    "IDENTITY_CLIENTS_GATEWAY_SECRET", key(GATEWAY_CLIENT_SECRET));
            // The gateway signs browsers in as a confidential client, with the secret identity-service knows it by.
            case "gateway" -> Map.of("GATEWAY_BROWSER_CLIENTSECRET", key(GATEWAY_CLIENT_SECRET));
            default -> Map.of();
        };
    }

    /** 32 random bytes, base64, made once. */
    private String key(String name) {
        Path file = directory.resolve(name);
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Path written = Files.writeString(directory.resolve(name + ".new"), Base64.getEncoder().encodeToString(key));
                ownerOnly(written, "rw-------");
                Files.move(written, file);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or make the secret " + file, e);
        }
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
