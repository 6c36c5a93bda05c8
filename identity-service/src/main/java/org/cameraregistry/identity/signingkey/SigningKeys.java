package org.cameraregistry.identity.signingkey;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.cameraregistry.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;

/**
 * The keys tokens are signed with, kept in MongoDB (collection {@code signing_keys}) so that tokens
 * outlive a restart and every instance signs with the same key. Serves them as the JWKS and picks the
 * one that signs: the newest whose time has come. Private keys are encrypted with
 * {@code identity.signing-keys.encryption-password} (AES-GCM, a salt per key).
 *
 * <p>Reads are served from a copy refreshed every {@code check-every}; a new key is published for
 * {@code publish-before-use} before it signs, which is longer, so no instance signs with a key that
 * another instance does not yet publish.
 */
@Component
public class SigningKeys implements JWKSource<SecurityContext> {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final int KEY_SIZE = 2048;

    private final MongoCollection<Document> collection;
    private final IdentityProperties.SigningKeys settings;
    private final Clock clock;
    private volatile List<SigningKey> keys = List.of();

    SigningKeys(MongoDatabase database, IdentityProperties properties, Clock clock) {
        this.collection = database.getCollection("signing_keys");
        this.settings = properties.signingKeys();
        this.clock = clock;
        if (settings.encryptionPassword() == null || settings.encryptionPassword().isBlank()) {
            log.warn("identity.signing-keys.encryption-password is not set: token signing keys are stored"
                    + " unencrypted in MongoDB; set it anywhere but on a developer's machine");
        }
    }

    /** Makes a first key, signing at once, if there is none; then reads the keys. */
    public synchronized void ensureOne() {
        if (collection.countDocuments() == 0) {
            store(generate(clock.instant(), clock.instant()));
            log.info("Made the first token signing key");
        }
        refresh();
    }

    /** Re-reads the keys, newest first. */
    public void refresh() {
        List<SigningKey> read = new ArrayList<>();
        for (Document document : collection.find().sort(Sorts.descending("createdAt"))) {
            read.add(read(document));
        }
        keys = List.copyOf(read);
    }

    /** Makes a new key that signs once {@code publish-before-use} has passed; returns it. */
    public synchronized SigningKey rotate() {
        Instant now = clock.instant();
        SigningKey key = generate(now, now.plus(settings.publishBeforeUse()));
        store(key);
        refresh();
        log.info("Made token signing key {}, signing from {}", key.id(), key.activatesAt());
        return key;
    }

    /**
     * Rotates once the newest key is older than {@code rotate-after}, and forgets keys replaced more
     * than {@code retain-after-successor} ago.
     */
    public synchronized void maintain() {
        ensureOne();
        Instant now = clock.instant();
        if (keys.getFirst().createdAt().plus(settings.rotateAfter()).isBefore(now)) {
            rotate();
        }
        forgetRetired(now);
    }

    private void forgetRetired(Instant now) {
        List<String> retired = new ArrayList<>();
        Instant successorSince = null;
        // Newest first: a key is retired since the next newer key started signing.
        for (SigningKey key : keys) {
            if (successorSince != null && successorSince.plus(settings.retainAfterSuccessor()).isBefore(now)) {
                retired.add(key.id());
            }
            if (!key.activatesAt().isAfter(now)) {
                successorSince = key.activatesAt();
            }
        }
        if (!retired.isEmpty()) {
            collection.deleteMany(in("_id", retired));
            log.info("Forgot retired token signing keys {}", retired);
            refresh();
        }
    }

    /** The key that signs now. */
    public Optional<SigningKey> signing(Instant now) {
        return keys.stream().filter(key -> !key.activatesAt().isAfter(now)).findFirst();
    }

    /** Every published key, newest first, without the private parts. */
    public List<SigningKey.Summary> summaries() {
        String signingId = signing(clock.instant()).map(SigningKey::id).orElse(null);
        return keys.stream().map(key -> key.summary(key.id().equals(signingId))).toList();
    }

    /** Picks the signing key among the keys a token encoder was offered. */
    public JWK selectForSigning(List<JWK> candidates) {
        String signingId = signing(clock.instant())
                .orElseThrow(() -> new IllegalStateException("No token signing key is active yet"))
                .id();
        return candidates.stream().filter(candidate -> signingId.equals(candidate.getKeyID())).findFirst()
                .orElseThrow(() -> new IllegalStateException("The signing key " + signingId + " was not offered"));
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(new JWKSet(List.<JWK>copyOf(keys.stream().map(SigningKey::key).toList())));
    }

    private SigningKey generate(Instant createdAt, Instant activatesAt) {
        try {
            RSAKey key = new RSAKeyGenerator(KEY_SIZE)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .issueTime(Date.from(createdAt))
                    .generate();
            return new SigningKey(key, createdAt, activatesAt);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not make an RSA key", e);
        }
    }

    private void store(SigningKey key) {
        String salt = KeyGenerators.string().generateKey();
        collection.insertOne(new Document("_id", key.id())
                .append("salt", salt)
                .append("jwk", encryptor(salt).encrypt(key.key().toJSONString()))
                .append("createdAt", Date.from(key.createdAt()))
                .append("activatesAt", Date.from(key.activatesAt())));
    }

    private SigningKey read(Document document) {
        String salt = document.getString("salt");
        try {
            RSAKey key = RSAKey.parse(encryptor(salt).decrypt(document.getString("jwk")));
            return new SigningKey(key, document.getDate("createdAt").toInstant(), document.getDate("activatesAt").toInstant());
        } catch (ParseException | IllegalStateException e) {
            throw new IllegalStateException("Token signing key " + document.get("_id") + " cannot be read;"
                    + " is identity.signing-keys.encryption-password the one it was stored with?", e);
        }
    }

    private TextEncryptor encryptor(String salt) {
        String password = settings.encryptionPassword();
        return password == null || password.isBlank() ? Encryptors.noOpText() : Encryptors.delux(password, salt);
    }
}
