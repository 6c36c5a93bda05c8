package org.cameraregistry.identity.account;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.cameraregistry.outbox.Outbox;
import org.cameraregistry.outbox.PendingEvent;
import org.springframework.stereotype.Component;

/**
 * Every account (collection {@code accounts}), one per address: a unique index holds it. Each change
 * and the events it publishes are one write (docs/adr/0002).
 */
@Component
public class AccountStore {

    private final MongoCollection<Document> accounts;

    private static final Bson NOT_ERASED = ne(Outbox.REMOVE_AFTER_RELAY, true);
    /** The address an account asked to move to, and the fingerprint of the link sent there. */
    private static final String PENDING_EMAIL = "pendingEmail";

    /** Far more than concurrent writers of one account ever race. */
    private static final int MAX_ATTEMPTS = 8;

    private final Outbox outbox;

    AccountStore(MongoDatabase database) {
        this.accounts = database.getCollection("accounts");
        this.outbox = new Outbox(accounts);
    }

    public void ensureIndexes() {
        accounts.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true).name("one_account_per_address"));
        accounts.createIndex(Indexes.ascending("departmentId", "email"), new IndexOptions().name("staff_by_department"));
        outbox.ensureIndexes();
    }

    /** The outbox of the events that accounts' changes publish, written with each change. */
    public Outbox outbox() {
        return outbox;
    }

    /** Stores a new account; false if its address already has one. */
    public boolean create(Account account) {
        return create(account, new PendingEvent[0]);
    }

    /** Stores a new account and the events its creation publishes, in one write; false if its address already has one. */
    public boolean create(Account account, PendingEvent... events) {
        Document document = toDocument(account);
        try {
            accounts.insertOne(events.length == 0 ? document : Outbox.with(document, events));
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Marks the address verified, if the account is still as read; false if it changed meanwhile. */
    public boolean markVerified(Account account) {
        return accounts.updateOne(and(eq("_id", account.id()), eq("version", account.version())),
                Updates.combine(Updates.set("emailVerified", true), Updates.inc("version", 1L))).getModifiedCount() == 1;
    }

    /**
     * Sets a new password, if the account is still as read; false if it changed meanwhile. The
     * address is verified too, since the reset link reached it.
     */
    public boolean changePassword(Account account, String passwordHash) {
        return accounts.updateOne(and(eq("_id", account.id()), eq("version", account.version())),
                Updates.combine(Updates.set("passwordHash", passwordHash), Updates.set("emailVerified", true),
                        Updates.inc("version", 1L))).getModifiedCount() == 1;
    }

    /**
     * Applies {@code change}, a write conditional on the account's version, to the account as it is
     * now, reading it again while other writers get there first; {@code change} answers whether it
     * applied (or had nothing to do). Nothing happens to an account that no longer exists.
     */
    public void changeWhileCurrent(UUID id, Predicate<Account> change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Account> account = findById(id);
            if (account.isEmpty() || change.test(account.get())) {
                return;
            }
        }
        throw new IllegalStateException("The account " + id + " kept changing under " + MAX_ATTEMPTS + " attempts");
    }

    /**
     * Records that the account asked to move to {@code newEmail}, by the link whose fingerprint is
     * {@code linkFingerprint} (a later request replaces it, and its link), with the event that sends
     * the link, if the account is still as read; false if it changed meanwhile.
     */
    public boolean requestEmailChange(Account account, String newEmail, String linkFingerprint, PendingEvent requested) {
        return accounts.updateOne(and(eq("_id", account.id()), eq("version", account.version())),
                Updates.combine(Updates.set(PENDING_EMAIL, new Document("email", Account.normalized(newEmail))
                                .append("link", linkFingerprint)), Updates.inc("version", 1L), Outbox.append(requested)))
                .getModifiedCount() == 1;
    }

    /** The address the account asked to move to by the link of {@code linkFingerprint}, if that is its latest request. */
    public Optional<String> pendingEmail(UUID accountId, String linkFingerprint) {
        Document account = accounts.find(and(eq("_id", accountId), NOT_ERASED, eq(PENDING_EMAIL + ".link", linkFingerprint)))
                .projection(new Document(PENDING_EMAIL, 1)).first();
        return Optional.ofNullable(account).map(found -> found.get(PENDING_EMAIL, Document.class).getString("email"));
    }

    /** How an address change ended. */
    public enum EmailChange { CHANGED, ADDRESS_TAKEN, CHANGED_MEANWHILE }

    /**
     * Moves the account to the address it asked for, now proven, with the event that tells of it,
     * if the account is still as read and that address is still the one it asked for.
     */
    public EmailChange changeEmail(Account account, String newEmail, PendingEvent changed) {
        try {
            long modified = accounts.updateOne(and(eq("_id", account.id()), eq("version", account.version()),
                            eq(PENDING_EMAIL + ".email", Account.normalized(newEmail))),
                    Updates.combine(Updates.set("email", Account.normalized(newEmail)), Updates.set("emailVerified", true),
                            Updates.unset(PENDING_EMAIL), Updates.inc("version", 1L), Outbox.append(changed)))
                    .getModifiedCount();
            return modified == 1 ? EmailChange.CHANGED : EmailChange.CHANGED_MEANWHILE;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return EmailChange.ADDRESS_TAKEN;
            }
            throw e;
        }
    }

    /** Adds {@code event} to an account's outbox, to be published as it is; false if there is no such account. */
    public boolean publish(UUID accountId, PendingEvent event) {
        return accounts.updateOne(eq("_id", accountId), Outbox.append(event)).getModifiedCount() == 1;
    }

    /**
     * Erases the account, if it is still as read: what is left is its id and the account-erased
     * event, until the event is relayed and the outbox removes the rest (docs/adr/0002). False if
     * it changed meanwhile.
     */
    public boolean erase(Account account, PendingEvent erased) {
        Document tombstone = Outbox.with(new Document("_id", account.id())
                // Unique like an address (the index holds one account per address), and none.
                .append("email", "erased:" + account.id())
                .append(Outbox.REMOVE_AFTER_RELAY, true), erased);
        return accounts.replaceOne(and(eq("_id", account.id()), eq("version", account.version())), tombstone)
                .getMatchedCount() == 1;
    }

    /**
     * Disables or enables an account, if it is still as read; false if it changed meanwhile. A
     * disabled account cannot sign in, nor renew a token.
     */
    public boolean setDisabled(Account account, boolean disabled) {
        return accounts.updateOne(and(eq("_id", account.id()), eq("version", account.version())),
                Updates.combine(Updates.set("disabled", disabled), Updates.inc("version", 1L))).getModifiedCount() == 1;
    }

    /** A department's staff, by address. */
    public List<Account> staffOf(String departmentId) {
        return accounts.find(and(eq("departmentId", departmentId), NOT_ERASED))
                .sort(Sorts.ascending("email"))
                .map(AccountStore::fromDocument)
                .into(new ArrayList<>());
    }

    public Optional<Account> findByEmail(String email) {
        return Optional.ofNullable(accounts.find(and(eq("email", Account.normalized(email)), NOT_ERASED)).first())
                .map(AccountStore::fromDocument);
    }

    public Optional<Account> findById(UUID id) {
        return Optional.ofNullable(accounts.find(and(eq("_id", id), NOT_ERASED)).first()).map(AccountStore::fromDocument);
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
