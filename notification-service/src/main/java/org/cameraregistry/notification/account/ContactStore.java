package org.cameraregistry.notification.account;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The contact details of every account notification-service has heard of (collection {@code contacts}).
 * Details are kept only if newer than the stored ones, so a redelivered or overtaken event changes
 * nothing. An erased account leaves a marker of its id alone, so that no replayed event brings its
 * address back (docs/adr/0009).
 */
@Component
public class ContactStore {

    private static final String ERASED = "erased";
    /** Far more than concurrent writers of one account ever race (one per contact topic). */
    private static final int MAX_ATTEMPTS = 16;

    private final MongoCollection<Document> contacts;

    ContactStore(MongoDatabase database) {
        this.contacts = database.getCollection("contacts");
    }

    /** Keeps {@code contact} unless these or newer details are stored or the account was erased; true if kept. */
    public boolean save(Contact contact) {
        Document document = new Document("_id", contact.accountId())
                .append("version", contact.version())
                .append("email", contact.email())
                .append("displayName", contact.displayName())
                .append("locale", contact.locale().toLanguageTag());
        for (int attempt = 1; ; attempt++) {
            try {
                contacts.replaceOne(and(eq("_id", contact.accountId()), lt("version", contact.version()), ne(ERASED, true)),
                        document, new ReplaceOptions().upsert(true));
                return true;
            } catch (MongoWriteException e) {
                // Another writer inserted the account between the filter and the insert (an upsert with a
                // range on another field is not retried by MongoDB), or it is erased or newer: look again.
                if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                Document stored = contacts.find(eq("_id", contact.accountId())).first();
                if (stored == null) {
                    continue;
                }
                if (stored.getBoolean(ERASED, false) || stored.getLong("version") >= contact.version()) {
                    return false;
                }
            }
        }
    }

    /** What is known of the account. */
    public Known find(UUID accountId) {
        Document stored = contacts.find(eq("_id", accountId)).first();
        if (stored == null) {
            return Known.UNKNOWN;
        }
        if (stored.getBoolean(ERASED, false)) {
            return Known.ERASED;
        }
        return new Known(Optional.of(new Contact(accountId, stored.getLong("version"), stored.getString("email"),
                stored.getString("displayName"), Locale.forLanguageTag(stored.getString("locale")))), false);
    }

    /** Forgets the account's details for good, keeping only that it was erased. */
    public void erase(UUID accountId, Instant erasedAt) {
        contacts.replaceOne(eq("_id", accountId),
                new Document("_id", accountId).append(ERASED, true).append("erasedAt", Date.from(erasedAt)),
                new ReplaceOptions().upsert(true));
    }

    /**
     * @param contact the details, if the account is known and not erased
     * @param erased  whether the account was erased
     */
    public record Known(Optional<Contact> contact, boolean erased) {

        static final Known UNKNOWN = new Known(Optional.empty(), false);
        static final Known ERASED = new Known(Optional.empty(), true);
    }
}
