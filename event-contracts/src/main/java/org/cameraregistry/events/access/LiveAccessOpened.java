package org.cameraregistry.events.access;

import java.time.Instant;
import java.util.UUID;
import org.cameraregistry.events.EventType;
import org.cameraregistry.events.Topics;

/**
 * A department was given live access to a camera's feed, as its owner's policy allows. The owner is
 * told (several within a short window in one digest). Keyed by {@code grantId}.
 *
 * @param grantId      the access grant
 * @param cameraId     the camera
 * @param ownerId      the account that owns the camera
 * @param departmentId the department given access
 * @param incidentId   the incident that opened it, if one did
 * @param openedAt     when access opened
 * @param expiresAt    when access closes by itself
 */
public record LiveAccessOpened(
        UUID grantId,
        UUID cameraId,
        UUID ownerId,
        String departmentId,
        String incidentId,
        Instant openedAt,
        Instant expiresAt) {

    public static final EventType<LiveAccessOpened> TYPE =
            new EventType<>(Topics.LIVE_ACCESS_OPENED, 1, LiveAccessOpened.class);
}
