package org.cameraregistry.identity.federation;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.cameraregistry.identity.IdentityProperties;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.stereotype.Component;

/**
 * The departments that sign their staff in through their own OpenID Connect provider, each a
 * client registration named by the department's id (kept in the department's document, field
 * {@code provider}; the client secret encrypted as the signing keys are). A provider's endpoints
 * are discovered from its issuer when first used, and again after {@link #DISCOVERY_LIFETIME}.
 */
@Component
public class DepartmentProviders implements ClientRegistrationRepository {

    static final Duration DISCOVERY_LIFETIME = Duration.ofMinutes(10);

    private final MongoCollection<Document> departments;
    private final String encryptionPassword;
    private final Clock clock;
    private final Map<String, Discovered> discovered = new ConcurrentHashMap<>();

    DepartmentProviders(MongoDatabase database, IdentityProperties properties, Clock clock) {
        this.departments = database.getCollection("departments");
        this.encryptionPassword = properties.signingKeys().encryptionPassword();
        this.clock = clock;
    }

    /**
     * A department's provider, as its operator registers it.
     *
     * @param departmentId the department
     * @param name         the department's name, as the sign-in page offers it
     * @param issuer       the provider's issuer
     * @param clientId     the registry's client id at the provider
     */
    public record Provider(String departmentId, String name, URI issuer, String clientId) {
    }

    /** Sets the provider a department's staff sign in with; false if there is no such department. */
    public boolean set(String departmentId, URI issuer, String clientId, String clientSecret) {
        String salt = KeyGenerators.string().generateKey();
        boolean set = departments.updateOne(eq("_id", departmentId), Updates.set("provider", new Document("issuer", issuer.toString())
                .append("clientId", clientId)
                .append("salt", salt)
                .append("clientSecret", encryptor(salt).encrypt(clientSecret)))).getMatchedCount() == 1;
        discovered.remove(departmentId);
        return set;
    }

    /** Every department with a provider, for the sign-in page. */
    public List<Provider> all() {
        List<Provider> providers = new ArrayList<>();
        for (Document department : departments.find(exists("provider"))) {
            Document provider = department.get("provider", Document.class);
            providers.add(new Provider(department.getString("_id"), department.getString("name"),
                    URI.create(provider.getString("issuer")), provider.getString("clientId")));
        }
        return providers;
    }

    @Override
    public ClientRegistration findByRegistrationId(String departmentId) {
        Discovered known = discovered.get(departmentId);
        if (known != null && known.until().isAfter(clock.instant())) {
            return known.registration();
        }
        Document department = departments.find(eq("_id", departmentId)).first();
        if (department == null || department.get("provider") == null) {
            return null;
        }
        Document provider = department.get("provider", Document.class);
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(provider.getString("issuer"))
                .registrationId(departmentId)
                .clientId(provider.getString("clientId"))
                .clientSecret(encryptor(provider.getString("salt")).decrypt(provider.getString("clientSecret")))
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(OidcScopes.OPENID, OidcScopes.EMAIL)
                .clientName(department.getString("name"))
                .build();
        discovered.put(departmentId, new Discovered(registration, clock.instant().plus(DISCOVERY_LIFETIME)));
        return registration;
    }

    private TextEncryptor encryptor(String salt) {
        return encryptionPassword == null || encryptionPassword.isBlank() ? Encryptors.noOpText()
                : Encryptors.delux(encryptionPassword, salt);
    }

    private record Discovered(ClientRegistration registration, Instant until) {
    }
}
