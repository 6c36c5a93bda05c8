package org.cameraregistry.registry.camera;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.cameraregistry.events.camera.CameraDetails;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraView;
import org.cameraregistry.outbox.Outbox;
import org.cameraregistry.outbox.PendingEvent;

/**
 * Cameras in the registry's {@value #COLLECTION} collection, through the MongoDB driver. Every
 * write stores the change and its event in one document write (see {@link Outbox}); changes are
 * conditional on the version read, so concurrent writers cannot lose each other's changes.
 */
public class CameraRepository {

    static final String COLLECTION = "cameras";
    /** The owner and their own reference for the camera, when it came from an imported file; a deletion removes it. */
    private static final String IMPORT_KEY = "importKey";
    /**
     * A camera without its waiting events, which are the relay's business. A projection also makes
     * the embedded wire server copy the document while it holds its lock, so a read never sees half
     * of a concurrent change (docs/adr/0001).
     */
    private static final Bson WITHOUT_OUTBOX = Projections.exclude(Outbox.FIELDS);

    private final MongoCollection<Document> cameras;
    private final Outbox outbox;
    private final int maxWaitingEvents;

    /** @param maxWaitingEvents how many events may wait in one camera's outbox before changes are refused */
    public CameraRepository(MongoDatabase database, int maxWaitingEvents) {
        this.cameras = database.getCollection(COLLECTION);
        this.outbox = new Outbox(cameras);
        this.maxWaitingEvents = maxWaitingEvents;
    }

    public Outbox outbox() {
        return outbox;
    }

    public void ensureIndexes() {
        outbox.ensureIndexes();
        // An owner's cameras, oldest first, a page at a time.
        cameras.createIndex(Indexes.ascending("ownerId", "registeredAt", "_id"));
        // One camera per owner's reference, however many imports run at once; cameras without one are not indexed.
        cameras.createIndex(Indexes.ascending(IMPORT_KEY), new IndexOptions().unique(true).sparse(true));
    }

    /**
     * Inserts a camera under the owner's own reference for it (from an imported file); false if the
     * owner already has a camera with that reference, whoever inserted it first.
     */
    public boolean insertReferenced(Camera camera, String reference, PendingEvent event) {
        try {
            cameras.insertOne(Outbox.with(toDocument(camera).append(IMPORT_KEY, importKey(camera.ownerId(), reference)), event));
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** The owner's camera with this reference of theirs, if they have one. */
    public Optional<Camera> findReferenced(UUID ownerId, String reference) {
        return Optional.ofNullable(cameras.find(and(eq(IMPORT_KEY, importKey(ownerId, reference)), eq("ownerId", ownerId),
                        ne(Outbox.REMOVE_AFTER_RELAY, true)))
                        .projection(WITHOUT_OUTBOX).first())
                .map(CameraRepository::toCamera);
    }

    private static String importKey(UUID ownerId, String reference) {
        return ownerId + " " + reference;
    }

    public void insert(Camera camera, PendingEvent event) {
        cameras.insertOne(Outbox.with(toDocument(camera), event));
    }

    /** Inserts the camera unless one with its id exists (or existed: its tombstone still waits); true if inserted. */
    public boolean insertIfAbsent(Camera camera, PendingEvent event) {
        try {
            insert(camera, event);
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Replaces the camera if it is still at {@code expectedVersion} and its outbox has room for the
     * event; false if it changed or went meanwhile.
     *
     * @throws OutboxFullException if the camera is at that version but too many of its events wait
     */
    public boolean update(Camera camera, long expectedVersion, PendingEvent event) {
        Document state = toDocument(camera);
        state.remove("_id");
        List<Bson> changes = state.entrySet().stream()
                .map(field -> Updates.set(field.getKey(), field.getValue()))
                .toList();
        var unsetOptional = Set.of("facingDegrees", "fieldOfViewDegrees", "retentionDays").stream()
                .filter(field -> !state.containsKey(field))
                .map(Updates::unset)
                .toList();
        Bson update = Updates.combine(Updates.combine(changes), Updates.combine(unsetOptional), Outbox.append(event));
        if (cameras.updateOne(and(current(camera.id(), expectedVersion), Outbox.hasRoom(maxWaitingEvents)), update)
                .getMatchedCount() == 1) {
            return true;
        }
        if (cameras.countDocuments(current(camera.id(), expectedVersion)) == 1) {
            throw new OutboxFullException(camera.id(), maxWaitingEvents);
        }
        return false;
    }

    /**
     * Deletes the camera if it is still at {@code expectedVersion}: its details go at once, and only
     * its id and the event that tells every service to forget it remain until the event is relayed.
     * Events of earlier changes still waiting are dropped with the details they carry, unless the
     * relay had already read them and is publishing them.
     */
    public boolean delete(UUID id, long expectedVersion, long deletedVersion, PendingEvent event) {
        Document tombstone = Outbox.with(new Document("_id", id)
                .append("version", deletedVersion)
                .append(Outbox.REMOVE_AFTER_RELAY, true), event);
        return cameras.replaceOne(current(id, expectedVersion), tombstone).getMatchedCount() == 1;
    }

    /** The camera, if it exists and is this owner's: another owner's camera is not found. */
    public Optional<Camera> findOwned(UUID id, UUID ownerId) {
        return Optional.ofNullable(cameras.find(and(eq("_id", id), eq("ownerId", ownerId), ne(Outbox.REMOVE_AFTER_RELAY, true)))
                        .projection(WITHOUT_OUTBOX).first())
                .map(CameraRepository::toCamera);
    }

    /** One page of an owner's cameras, oldest registration first, and how many they have in all. */
    public OwnedCameras pageOf(UUID ownerId, int page, int size) {
        Bson owned = and(eq("ownerId", ownerId), ne(Outbox.REMOVE_AFTER_RELAY, true));
        List<Camera> onPage = cameras.find(owned)
                .projection(WITHOUT_OUTBOX)
                .sort(Sorts.ascending("registeredAt", "_id"))
                .skip(page * size)
                .limit(size)
                .map(CameraRepository::toCamera)
                .into(new ArrayList<>());
        return new OwnedCameras(onPage, cameras.countDocuments(owned));
    }

    /** @param total how many cameras the owner has, on every page */
    public record OwnedCameras(List<Camera> cameras, long total) {
    }

    private static Bson current(UUID id, long version) {
        return and(eq("_id", id), eq("version", version), ne(Outbox.REMOVE_AFTER_RELAY, true));
    }

    private static Document toDocument(Camera camera) {
        CameraDetails details = camera.details();
        Document document = new Document("_id", camera.id())
                .append("ownerId", camera.ownerId())
                .append("version", camera.version())
                .append("label", details.label())
                // GeoJSON, longitude first, so that a 2dsphere index can serve it where MongoDB runs.
                .append("location", new Document("type", "Point")
                        .append("coordinates", List.of(details.longitude(), details.latitude())))
                .append("level", details.level().name())
                .append("views", details.views().stream().map(Enum::name).sorted().toList())
                .append("recordsAudio", details.recordsAudio())
                .append("sharesPastFootage", details.sharesPastFootage())
                .append("paused", camera.paused())
                .append("registeredAt", Date.from(camera.registeredAt()))
                .append("updatedAt", Date.from(camera.updatedAt()));
        putIfPresent(document, "facingDegrees", details.facingDegrees());
        putIfPresent(document, "fieldOfViewDegrees", details.fieldOfViewDegrees());
        putIfPresent(document, "retentionDays", details.retentionDays());
        return document;
    }

    private static void putIfPresent(Document document, String field, Object value) {
        if (value != null) {
            document.append(field, value);
        }
    }

    private static Camera toCamera(Document document) {
        List<Double> coordinates = document.get("location", Document.class).getList("coordinates", Double.class);
        Set<CameraView> views = EnumSet.noneOf(CameraView.class);
        document.getList("views", String.class, List.of()).forEach(view -> views.add(CameraView.valueOf(view)));
        CameraDetails details = new CameraDetails(
                document.getString("label"),
                coordinates.get(1),
                coordinates.get(0),
                CameraLevel.valueOf(document.getString("level")),
                document.getInteger("facingDegrees"),
                document.getInteger("fieldOfViewDegrees"),
                views,
                document.getBoolean("recordsAudio", false),
                document.getInteger("retentionDays"),
                document.getBoolean("sharesPastFootage", false));
        return new Camera(
                document.get("_id", UUID.class),
                document.get("ownerId", UUID.class),
                document.getLong("version"),
                details,
                document.getDate("registeredAt").toInstant(),
                document.getDate("updatedAt").toInstant(),
                document.getBoolean("paused", false));
    }
}
