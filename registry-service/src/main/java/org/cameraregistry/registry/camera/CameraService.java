package org.cameraregistry.registry.camera;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
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
    /** How many of an erased owner's cameras are read at a time. */
    private static final int ERASURE_BATCH = 100;

    private final CameraRepository repository;
    private final CameraEvents events;
    private final OutboxRelay relay;
    private final IdempotencyKeys idempotencyKeys;
    private final ErasedOwners erasedOwners;
    private final Clock clock;

    CameraService(CameraRepository repository, CameraEvents events, OutboxRelay relay, IdempotencyKeys idempotencyKeys,
            ErasedOwners erasedOwners, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.relay = relay;
        this.idempotencyKeys = idempotencyKeys;
        this.erasedOwners = erasedOwners;
        this.clock = clock;
    }

    /** @throws OwnerErasedException if the owner's account was erased since their token was issued */
    public Camera register(UUID ownerId, CameraDetails details) {
        requireNotErased(ownerId);
        Camera camera = Camera.register(ownerId, details, now());
        repository.insert(camera, events.registered(camera));
        relay.wakeUp();
        undoIfErasedMeanwhile(camera);
        return camera;
    }

    /**
     * Registers a camera once per {@code idempotencyKey}: a repeat of the request, however often
     * and however concurrent, answers the camera the first one registered, as it was registered,
     * even if it was changed or deleted since. Keys are the owner's own: another owner's request
     * with the same key is a request of its own.
     *
     * @throws IdempotencyKeyReusedException if the key came with a different camera before
     * @throws OwnerErasedException if the owner's account was erased since their token was issued
     */
    public Registration register(UUID ownerId, CameraDetails details, String idempotencyKey) {
        requireNotErased(ownerId);
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
            undoIfErasedMeanwhile(camera);
        }
        return new Registration(camera, !created);
    }

    /**
     * Registers the camera the owner calls {@code reference} in an imported file, or changes it to
     * these details if they have one by that reference already: importing the same file again
     * registers nothing more, and however many imports run at once, a reference names one camera.
     * Its camera-registered names the import, so that the owner is not emailed about each camera.
     *
     * @throws OwnerErasedException if the owner's account was erased
     */
    public Imported importCamera(UUID ownerId, String reference, CameraDetails details, UUID importId) {
        requireNotErased(ownerId);
        for (int attempt = 1; ; attempt++) {
            Optional<Camera> existing = repository.findReferenced(ownerId, reference);
            if (existing.isPresent()) {
                Camera current = existing.get();
                if (current.details().equals(details)) {
                    return Imported.UNCHANGED;
                }
                Camera changed = current.changeTo(details, now());
                if (repository.update(changed, current.version(), events.updated(changed))) {
                    relay.wakeUp();
                    return Imported.CHANGED;
                }
            } else {
                Camera camera = Camera.register(ownerId, details, now());
                if (repository.insertReferenced(camera, reference, events.registered(camera, importId))) {
                    relay.wakeUp();
                    undoIfErasedMeanwhile(camera);
                    return Imported.REGISTERED;
                }
            }
            // Another import (or the owner) registered or changed it meanwhile: read it again.
            if (attempt >= ATTEMPTS) {
                throw CameraVersionMismatchException.keptChanging();
            }
        }
    }

    /** What importing one row did. */
    public enum Imported { REGISTERED, CHANGED, UNCHANGED }

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

    /**
     * Pauses a camera (it leaves every search, its details kept) or resumes it. A camera already
     * so changes nothing and publishes nothing; otherwise as {@link #update}.
     */
    public Camera pause(UUID ownerId, UUID id, boolean pause, Long expectedVersion) {
        for (int attempt = 1; ; attempt++) {
            Camera current = find(ownerId, id);
            requireVersion(current, expectedVersion);
            if (current.paused() == pause) {
                return current;
            }
            Camera changed = current.pausedAs(pause, now());
            if (repository.update(changed, current.version(), events.pausedOrResumed(changed))) {
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

    /**
     * Deletes every camera of an owner whose account was erased, each as the owner would (its
     * deletion publishes camera-deregistered, which makes the other services forget it), and the
     * owner's idempotency keys. Doing it again finds nothing more to do.
     *
     * @return how many cameras it deleted
     */
    public int eraseOwner(UUID ownerId, Instant erasedAt) {
        // First, so that a registration racing this erasure sees it once stored (undoIfErasedMeanwhile).
        erasedOwners.remember(ownerId, erasedAt);
        int deleted = 0;
        for (List<Camera> batch = pageOf(ownerId, 0, ERASURE_BATCH).cameras(); !batch.isEmpty();
                batch = pageOf(ownerId, 0, ERASURE_BATCH).cameras()) {
            for (Camera camera : batch) {
                try {
                    delete(ownerId, camera.id(), null);
                    deleted++;
                } catch (CameraNotFoundException alreadyDeleted) {
                    // By the owner, or by another delivery of the same erasure: gone either way.
                }
            }
        }
        idempotencyKeys.forgetAllOf(ownerId + " ");
        return deleted;
    }

    private void requireNotErased(UUID ownerId) {
        if (erasedOwners.contains(ownerId)) {
            throw new OwnerErasedException();
        }
    }

    /**
     * A registration that passed {@link #requireNotErased} while its owner's erasure began may
     * have been stored after the erasure read the owner's cameras. The erasure records the owner
     * before it reads; so looking again after storing sees it, and the camera is deleted here.
     */
    private void undoIfErasedMeanwhile(Camera camera) {
        if (erasedOwners.contains(camera.ownerId())) {
            try {
                delete(camera.ownerId(), camera.id(), null);
            } catch (CameraNotFoundException deletedByTheErasure) {
                // Then the erasure found it after all.
            }
            throw new OwnerErasedException();
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
