package org.cameraregistry.identity.account;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bson.Document;
import org.cameraregistry.chassis.mongo.MongoStartup;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/** Every account (collection {@code accounts}), one per address: a unique index holds it. */
@Component
public class AccountStore {

    private final MongoCollection<Document> accounts;

    AccountStore(MongoDatabase database) {
        this.accounts = database.getCollection("accounts");
    }

    @Bean
    static ApplicationRunner accountIndexes(MongoStartup startup, MongoDatabase database) {
        return startup.whenReachable("Indexing accounts", () -> database.getCollection("accounts")
                .createIndex(Indexes.ascending("email"), new IndexOptions().unique(true).name("one_account_per_address")));
    }

    /** Stores a new account; false if its address already has one. */
    public boolean create(Account account) {
        try {
            accounts.insertOne(toDocument(account));
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<Account> findByEmail(String email) {
        return Optional.ofNullable(accounts.find(eq("email", Account.normalized(email))).first()).map(AccountStore::fromDocument);
    }

    public Optional<Account> findById(UUID id) {
        return Optional.ofNullable(accounts.find(eq("_id", id)).first()).map(AccountStore::fromDocument);
    }

    private static Document toDocument(Account account) {
        return new Document("_id", account.id())
                .append("email", account.email())
                .append("emailVerified", account.emailVerified())
                .append("passwordHash", account.passwordHash())
                .append("roles", account.roles().stream().map(Role::name).sorted().toList())
                .append("departmentId", account.departmentId().orElse(null))
                .append("disabled", account.disabled())
                .append("displayName", account.displayName())
                .append("locale", account.locale().toLanguageTag())
                .append("createdAt", Date.from(account.createdAt()))
                .append("version", account.version());
    }

    private static Account fromDocument(Document document) {
        List<String> roles = document.getList("roles", String.class);
        return new Account(
                document.get("_id", UUID.class),
                document.getString("email"),
                document.getBoolean("emailVerified", false),
                document.getString("passwordHash"),
                roles.stream().map(Role::valueOf).collect(Collectors.toSet()),
                Optional.ofNullable(document.getString("departmentId")),
                document.getBoolean("disabled", false),
                document.getString("displayName"),
                Locale.forLanguageTag(document.getString("locale")),
                document.getDate("createdAt").toInstant(),
                document.get("version", Number.class).longValue());
    }
}
