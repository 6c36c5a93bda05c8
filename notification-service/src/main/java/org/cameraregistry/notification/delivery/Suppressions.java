package org.cameraregistry.notification.delivery;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.util.Date;
import java.util.Locale;
import java.util.UUID;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Addresses a mail server refused for good (collection {@code suppressions}): nothing is sent to them
 * again, which keeps the platform's mail server in good standing. The account holder gives a new
 * address (an {@code account-email-changed}) to be reached again.
 */
@Component
public class Suppressions {

    private final MongoCollection<Document> suppressions;
    private final Clock clock;

    Suppressions(MongoDatabase database, Clock clock) {
        this.suppressions = database.getCollection("suppressions");
        this.clock = clock;
    }

    public void suppress(String email, UUID accountId, DeliveryFailure reason) {
        suppressions.replaceOne(eq("_id", normalized(email)), new Document("_id", normalized(email))
                .append("accountId", accountId)
                .append("reason", reason.code())
                .append("since", Date.from(clock.instant())), new ReplaceOptions().upsert(true));
    }

    public boolean isSuppressed(String email) {
        return suppressions.find(eq("_id", normalized(email))).first() != null;
    }

    /** Forgets the addresses the account had suppressed. */
    public long forget(UUID accountId) {
        return suppressions.deleteMany(eq("accountId", accountId)).getDeletedCount();
    }

    private static String normalized(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
