package org.cameraregistry.geo.camera;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraView;
import org.cameraregistry.geo.index.IndexedCamera;

/**
 * geo-search's own copy of the cameras, from which the in-memory index is rebuilt at start. A
 * write succeeds only with a newer version than the stored one, which makes redelivered and
 * reordered events harmless. A removed camera leaves a marker of its id and last version only, so
 * that a stale event cannot bring it back.
 */
public class CameraStore {

    private static final String REMOVED = "removed";
    private static final String OWNER = "ownerId";
    /** A projection, so that the embedded wire server copies each document under its lock (docs/adr/0001). */
    private static final Bson STATE = Projections.include("version", "location", "level", "views", REMOVED);
    /** Far more than concurrent writers of one camera ever race (one per camera topic). */
    private static final int MAX_ATTEMPTS = 16;

    private final MongoCollection<Document> cameras;

    public CameraStore(MongoDatabase database) {
        this.cameras = database.getCollection("cameras");
    }

    /** Stores the camera unless this or a newer version is stored; true if it was stored. */
    public boolean save(IndexedCamera camera) {
        return save(camera, null);
    }

    /**
     * As {@link #save(IndexedCamera)}, with the account that owns it (null if the event did not name
     * one, which leaves the stored owner as it was): whom an incident's notice concerns.
     */
    public boolean save(IndexedCamera camera, UUID ownerId) {
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.set("version", camera.version()),
                // GeoJSON, so that a 2dsphere index can serve it where MongoDB runs.
                Updates.set("location", new Document("type", "Point")
                        .append("coordinates", List.of(camera.longitude(), camera.latitude()))),
                Updates.set("level", camera.level().name()),
                Updates.set("views", camera.views().stream().map(Enum::name).sorted().toList()),
                Updates.unset(REMOVED)));
        if (ownerId != null) {
            updates.add(Updates.set(OWNER, ownerId));
        }
        return upsertIfNewer(camera.id(), camera.version(), Updates.combine(updates));
    }

    /** Marks the camera removed as of {@code version}, forgetting all but its id; true if it was newer. */
    public boolean remove(UUID id, long version) {
        return upsertIfNewer(id, version, Updates.combine(
                Updates.set("version", version),
                Updates.set(REMOVED, true),
                Updates.unset("location"),
                Updates.unset("level"),
                Updates.unset("views"),
                Updates.unset(OWNER)));
    }

    /** Every stored camera that is not removed. */
    public void forEachCamera(Consumer<IndexedCamera> action) {
        for (Document document : cameras.find(ne(REMOVED, true)).projection(STATE)) {
            action.accept(toCamera(document));
        }
    }

    /** The owners of those of these cameras whose owner is known, by camera. */
    public Map<UUID, UUID> ownersOf(Collection<UUID> ids) {
        Map<UUID, UUID> owners = new HashMap<>();
        for (Document document : cameras.find(and(in("_id", ids), ne(REMOVED, true)))
                .projection(Projections.include(OWNER))) {
            UUID owner = document.get(OWNER, UUID.class);
            if (owner != null) {
                owners.put(document.get("_id", UUID.class), owner);
            }
        }
        return owners;
    }

    /** What is stored of a camera: its newest state, or the marker of its removal. */
    public Optional<Stored> find(UUID id) {
        return Optional.ofNullable(cameras.find(eq("_id", id)).projection(STATE).first())
                .map(document -> document.getBoolean(REMOVED, false)
                        ? new Stored(id, document.getLong("version"), null)
                        : new Stored(id, document.getLong("version"), toCamera(document)));
    }

    private static IndexedCamera toCamera(Document document) {
        List<Double> coordinates = document.get("location", Document.class).getList("coordinates", Double.class);
        // A camera stored before views were kept has none until its next change.
        Set<CameraView> views = document.getList("views", String.class, List.of()).stream()
                .map(CameraView::valueOf).collect(Collectors.toUnmodifiableSet());
        return new IndexedCamera(document.get("_id", UUID.class), document.getLong("version"),
                coordinates.get(1), coordinates.get(0), CameraLevel.valueOf(document.getString("level")), views);
    }

    /**
     * A stored camera at {@code version}.
     *
     * @param camera its state, or null if it was removed as of that version
     */
    public record Stored(UUID id, long version, IndexedCamera camera) {

        public boolean removed() {
            return camera == null;
        }
    }

    /**
     * Writes {@code update} if the stored version is older than {@code version}, or inserts it if
     * none is stored. A duplicate-key error means another writer inserted this camera between the
     * filter and the insert (MongoDB does not retry an upsert whose filter has a range on another
     * field): the stored version then decides. If it is still older, the write is sent again, and
     * now finds the document. Each retry follows another writer's success, so it ends; a bound
     * guards against a duplicate on some other unique index, which no retry can mend.
     */
    private boolean upsertIfNewer(UUID id, long version, Bson update) {
        for (int attempt = 1; ; attempt++) {
            try {
                cameras.updateOne(and(eq("_id", id), lt("version", version)), update, new UpdateOptions().upsert(true));
                return true;
            } catch (MongoWriteException e) {
                if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                Long stored = storedVersion(id);
                if (stored == null || attempt >= MAX_ATTEMPTS) {
                    throw new IllegalStateException("camera " + id + " version " + version
                            + " could not be stored: " + e.getMessage(), e);
                }
                if (stored >= version) {
                    return false;
                }
            }
        }
    }

    private Long storedVersion(UUID id) {
        Document stored = cameras.find(eq("_id", id)).projection(new Document("version", 1)).first();
        return stored == null ? null : stored.getLong("version");
    }
}
