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

    /** Turns {@code kinds} off for the account; turning one off twice is the same as once. */
    public void turnOff(UUID accountId, Set<NotificationKind> kinds) {
        requireOptional(kinds);
        preferences.updateOne(eq("_id", accountId), Updates.addEachToSet("off", keys(kinds)),
                new UpdateOptions().upsert(true));
    }

    /** Makes {@code kinds} the optional kinds the account turned off, in one write. */
    public void turnOffExactly(UUID accountId, Set<NotificationKind> kinds) {
        requireOptional(kinds);
        preferences.updateOne(eq("_id", accountId), Updates.set("off", keys(kinds)), new UpdateOptions().upsert(true));
    }

    /** Forgets the account's preferences. */
    public void forget(UUID accountId) {
        preferences.deleteOne(eq("_id", accountId));
    }

    private static void requireOptional(Set<NotificationKind> kinds) {
        kinds.stream().filter(kind -> !kind.optional()).findFirst().ifPresent(kind -> {
            throw new IllegalArgumentException(kind.key() + " cannot be turned off");
        });
    }

    private static List<String> keys(Set<NotificationKind> kinds) {
        return kinds.stream().map(NotificationKind::key).sorted().toList();
    }
}
