package org.cameraregistry.registry.camera;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * The owners erased lately (collection {@code erased_owners}: their ids and when, nothing else),
 * so that a token issued before the erasure, valid for a few more minutes, registers nothing that
 * would outlive the account. Kept for {@code remember}, far longer than a token lives.
 */
public class ErasedOwners {

    private final MongoCollection<Document> owners;
    private final Duration remember;

    public ErasedOwners(MongoDatabase database, Duration remember) {
        this.owners = database.getCollection("erased_owners");
        this.remember = remember;
    }

    public void ensureIndexes() {
        // Where MongoDB runs, it forgets them itself.
        owners.createIndex(Indexes.ascending("erasedAt"), new IndexOptions()
                .expireAfter(remember.toSeconds(), TimeUnit.SECONDS).name("forget_erased_owners"));
    }

    public void remember(UUID ownerId, Instant erasedAt) {
        owners.replaceOne(eq("_id", ownerId), new Document("_id", ownerId).append("erasedAt", Date.from(erasedAt)),
                new ReplaceOptions().upsert(true));
    }

    public boolean contains(UUID ownerId) {
        return owners.find(eq("_id", ownerId)).first() != null;
    }
}
