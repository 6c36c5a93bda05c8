package org.cameraregistry.events.account;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.cameraregistry.events.EventType;
import org.cameraregistry.events.Topics;

/**
 * A department's admin opened an account for a member of its staff: send them this one-time link,
 * where they choose their password. Names the account, not the address. Keyed by {@code accountId}.
 *
 * @param accountId    the new staff account
 * @param departmentId the department that invited them
 * @param departmentName its name, as the email shows it
 * @param link         the one-time link
 * @param expiresAt    when the link stops working
 * @param invitedAt    when they were invited
 */
public record StaffInvited(UUID accountId, String departmentId, String departmentName, URI link, Instant expiresAt,
        Instant invitedAt) {

    public static final EventType<StaffInvited> TYPE = new EventType<>(Topics.STAFF_INVITED, 1, StaffInvited.class);
}
