package org.cameraregistry.registry.camera;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.cameraregistry.events.camera.CameraDetails;
import org.cameraregistry.registry.idempotency.IdempotencyKeys;
import org.cameraregistry.outbox.OutboxRelay;
import org.springframework.stereotype.Service;

/**
 * Registers, changes and deletes cameras. Each change is stored with its event in one write; the
 * relay is then woken to publish it at once rather than at its next poll.
 */
@Service
public class CameraService {

    /** How often a change is retried when another writer changed the same camera in between. */
    private static final int ATTEMPTS = 3;

    private final CameraRepository repository;
    private final CameraEvents events;
    private final OutboxRelay relay;
    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;

    CameraService(CameraRepository repository, CameraEvents events, OutboxRelay relay, IdempotencyKeys idempotencyKeys,
            Clock clock) {
        this.repository = repository;
        this.events = events;
        this.relay = relay;
        this.idempotencyKeys = idempotencyKeys;
        this.clock = clock;
    }

    public Camera register(UUID ownerId, CameraDetails details) {
        Camera camera = Camera.register(ownerId, details, now());
        repository.insert(camera, events.registered(camera));
        relay.wakeUp();
        return camera;
    }

    /**
     * Registers a camera once per {@code idempotencyKey}: a repeat of the request, however often
     * and however concurrent, answers the camera the first one registered, as it was registered,
     * even if it was changed or deleted since. Keys are the owner's own: another owner's request
     * with the same key is a request of its own.
     *
     * @throws IdempotencyKeyReusedException if the key came with a different camera before
     */
    public Registration register(UUID ownerId, CameraDetails details, String idempotencyKey) {
        String fingerprint = CameraFingerprint.of(details);
        String ownersKey = ownerId + " " + idempotencyKey;
        IdempotencyKeys.Claim claim = idempotencyKeys.claim(ownersKey, fingerprint, UUID.randomUUID(), now());
        if (!claim.sameRequest(fingerprint)) {
            throw new IdempotencyKeyReusedException();
        }
        Camera camera = new Camera(claim.resourceId(), ownerId, 1, details, claim.createdAt(), claim.createdAt());
        if (claim.completed()) {
            return new Registration(camera, true);
        }
        boolean created = repository.insertIfAbsent(camera, events.registered(camera));
        idempotencyKeys.complete(ownersKey);
        if (created) {
            relay.wakeUp();
        }
        return new Registration(camera, !created);
    }

    /**
     * @param camera   the camera as its registration answered it
     * @param replayed whether an earlier request with the same key registered it
     */
    public record Registration(Camera camera, boolean replayed) {
    }

    /** The owner's camera; another owner's answers as a camera that does not exist. */
    public Camera find(UUID ownerId, UUID id) {
        return repository.findOwned(id, ownerId).orElseThrow(() -> new CameraNotFoundException(id));
    }

    public CameraRepository.OwnedCameras pageOf(UUID ownerId, int page, int size) {
        return repository.pageOf(ownerId, page, size);
    }

    /**
     * Changes a camera. With {@code expectedVersion} (from If-Match) the change applies only to that
     * version; without it, the last writer wins. A change to identical details changes nothing.
     */
    public Camera update(UUID ownerId, UUID id, CameraDetails details, Long expectedVersion) {
        for (int attempt = 1; ; attempt++) {
            Camera current = find(ownerId, id);
            requireVersion(current, expectedVersion);
            if (current.details().equals(details)) {
                return current;
            }
            Camera changed = current.changeTo(details, now());
            if (repository.update(changed, current.version(), events.updated(changed))) {
                relay.wakeUp();
                return changed;
            }
            giveUpAfter(attempt, current, expectedVersion);
        }
    }

    public void delete(UUID ownerId, UUID id, Long expectedVersion) {
        for (int attempt = 1; ; attempt++) {
            Camera current = find(ownerId, id);
            requireVersion(current, expectedVersion);
            Camera deleted = current.changeTo(current.details(), now());
            if (repository.delete(id, current.version(), deleted.version(),
                    events.deregistered(deleted, deleted.updatedAt()))) {
                relay.wakeUp();
                return;
            }
            giveUpAfter(attempt, current, expectedVersion);
        }
    }

    /** Milliseconds, as MongoDB stores them, so that what is answered is what is read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void requireVersion(Camera current, Long expectedVersion) {
        if (expectedVersion != null && current.version() != expectedVersion) {
            throw CameraVersionMismatchException.ifMatchFailed("\"" + expectedVersion + "\"", current.version());
        }
    }

    /** Retries a write lost to a concurrent writer, unless the caller pinned the version it read. */
    private void giveUpAfter(int attempt, Camera read, Long expectedVersion) {
        if (expectedVersion != null) {
            long now = repository.findOwned(read.id(), read.ownerId()).map(Camera::version)
                    .orElseThrow(() -> new CameraNotFoundException(read.id()));
            throw CameraVersionMismatchException.ifMatchFailed("\"" + expectedVersion + "\"", now);
        }
        if (attempt >= ATTEMPTS) {
            throw CameraVersionMismatchException.keptChanging();
        }
    }
}
