package org.cameraregistry.notification.digest;

import java.time.Instant;
import java.util.UUID;

/**
 * One live access to tell an owner of, as a digest lists it.
 *
 * @param eventId      the {@code live-access-opened} event
 * @param cameraId     the camera
 * @param departmentId the department that saw it
 * @param incidentId   the incident that opened it, or null
 * @param openedAt     when access opened
 * @param expiresAt    when it closes by itself
 */
public record LiveAccessNotice(
        String eventId, UUID cameraId, String departmentId, String incidentId, Instant openedAt, Instant expiresAt) {
}
