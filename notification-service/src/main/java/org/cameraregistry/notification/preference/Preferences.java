package org.cameraregistry.notification.preference;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.cameraregistry.notification.delivery.NotificationKind;
import org.springframework.stereotype.Component;

/**
 * Which optional emails each account turned off (collection {@code preferences}); every optional
 * kind is on until its recipient turns it off. Mandatory kinds cannot be turned off.
 */
@Component
public class Preferences {

    private final MongoCollection<Document> preferences;

    Preferences(MongoDatabase database) {
        this.preferences = database.getCollection("preferences");
    }

    /** Whether the account receives emails of {@code kind}. */
    public boolean receives(UUID accountId, NotificationKind kind) {
        return !kind.optional() || !turnedOff(accountId).contains(kind);
    }

    /** The optional kinds the account turned off. */
    public Set<NotificationKind> turnedOff(UUID accountId) {
        Document stored = preferences.find(eq("_id", accountId)).first();
        Set<NotificationKind> off = EnumSet.noneOf(NotificationKind.class);
        if (stored != null) {
            for (String key : stored.getList("off", String.class, List.of())) {
                NotificationKind.byKey(key).ifPresent(off::add);
            }
        }
        return off;
    }

    /** Turns {@code kind} off for the account; turning it off twice is the same as once. */
    public void turnOff(UUID accountId, NotificationKind kind) {
        requireOptional(kind);
        preferences.updateOne(eq("_id", accountId), Updates.addToSet("off", kind.key()), new UpdateOptions().upsert(true));
    }

    /** Turns {@code kind} on again for the account. */
    public void turnOn(UUID accountId, NotificationKind kind) {
        requireOptional(kind);
        preferences.updateOne(eq("_id", accountId), Updates.pull("off", kind.key()));
    }

    /** Forgets the account's preferences. */
    public void forget(UUID accountId) {
        preferences.deleteOne(eq("_id", accountId));
    }

    private static void requireOptional(NotificationKind kind) {
        if (!kind.optional()) {
            throw new IllegalArgumentException(kind.key() + " cannot be turned off");
        }
    }
}
