package org.cameraregistry.identity.client;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.cameraregistry.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The clients that may ask for tokens: the platform's own (the command-line client and the gateway),
 * made from settings at start, and each department's dispatch systems, kept in MongoDB (collection
 * {@code dispatch_clients}) with their secrets hashed.
 */
@Component
public class ClientDirectory implements RegisteredClientRepository {

    /** The client setting that names the department a dispatch system belongs to. */
    public static final String DEPARTMENT_SETTING = "department";
    /** The one scope a dispatch system has. */
    public static final String INCIDENTS_WRITE = "incidents:write";

    private static final Logger log = LoggerFactory.getLogger(ClientDirectory.class);

    private final Map<String, RegisteredClient> firstParty = new LinkedHashMap<>();
    private final MongoCollection<Document> dispatchClients;
    private final PasswordEncoder passwords;
    private final IdentityProperties.Tokens tokens;

    ClientDirectory(IdentityProperties properties, MongoDatabase database, PasswordEncoder passwords) {
        this.dispatchClients = database.getCollection("dispatch_clients");
        this.passwords = passwords;
        this.tokens = properties.tokens();
        IdentityProperties.Clients clients = properties.clients();
        add(cli(clients.cli()));
        gateway(clients.gateway(), properties.portalUrl()).ifPresentOrElse(this::add,
                () -> log.warn("identity.clients.gateway.secret is not set: browsers cannot sign in through the gateway"));
    }

    private void add(RegisteredClient client) {
        firstParty.put(client.getClientId(), client);
    }

    private RegisteredClient cli(IdentityProperties.Cli cli) {
        return RegisteredClient.withId(cli.clientId())
                .clientId(cli.clientId())
                .clientName("Command line")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(cli.redirectUri().toString())
                .scope(OidcScopes.OPENID)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(tokenSettings())
                .build();
    }

    private Optional<RegisteredClient> gateway(IdentityProperties.Gateway gateway, URI portal) {
        if (gateway.secret() == null || gateway.secret().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(RegisteredClient.withId(gateway.clientId())
                .clientId(gateway.clientId())
                .clientName("Community Camera Registry")
                .clientSecret(passwords.encode(gateway.secret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(gateway.redirectUri().toString())
                .postLogoutRedirectUri(gateway.postLogoutRedirectUri().toString())
                // Where a browser lands once its owner deleted the account in the portal.
                .postLogoutRedirectUri(UriComponentsBuilder.fromUri(portal).path("/account-deleted").build().toUriString())
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(tokenSettings())
                .build());
    }

    private TokenSettings tokenSettings() {
        return TokenSettings.builder()
                .accessTokenTimeToLive(tokens.accessTokenTimeToLive())
                .refreshTokenTimeToLive(tokens.refreshTokenTimeToLive())
                .reuseRefreshTokens(false)
                .build();
    }

    /**
     * Adds or replaces a department's dispatch system: client credentials with the one scope
     * {@value #INCIDENTS_WRITE}; the secret is stored hashed.
     */
    public RegisteredClient saveDispatchClient(String clientId, String secret, String departmentId) {
        if (firstParty.containsKey(clientId)) {
            throw new IllegalArgumentException("The client id " + clientId + " is the platform's own");
        }
        Document document = new Document("_id", clientId)
                .append("secretHash", passwords.encode(secret))
                .append(DEPARTMENT_SETTING, departmentId);
        dispatchClients.replaceOne(eq("_id", clientId), document, new ReplaceOptions().upsert(true));
        return dispatch(document);
    }

    private RegisteredClient dispatch(Document document) {
        String clientId = document.getString("_id");
        return RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientName("Dispatch system " + clientId)
                .clientSecret(document.getString("secretHash"))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope(INCIDENTS_WRITE)
                .clientSettings(ClientSettings.builder().setting(DEPARTMENT_SETTING, document.getString(DEPARTMENT_SETTING)).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(tokens.accessTokenTimeToLive()).build())
                .build();
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("Clients are not registered dynamically");
    }

    @Override
    public RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        RegisteredClient client = firstParty.get(clientId);
        if (client != null) {
            return client;
        }
        Document document = dispatchClients.find(eq("_id", clientId)).first();
        return document == null ? null : dispatch(document);
    }
}
