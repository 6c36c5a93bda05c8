package org.cameraregistry.events;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cameraregistry.events.access.LiveAccessOpened;
import org.cameraregistry.events.account.AccountEmailChangeRequested;
import org.cameraregistry.events.account.AccountEmailChanged;
import org.cameraregistry.events.account.AccountErased;
import org.cameraregistry.events.account.AccountRegistered;
import org.cameraregistry.events.account.AccountVerificationRequested;
import org.cameraregistry.events.account.PasswordResetRequested;
import org.cameraregistry.events.account.StaffInvited;
import org.cameraregistry.events.camera.CameraDeregistered;
import org.cameraregistry.events.camera.CameraPaused;
import org.cameraregistry.events.camera.CameraResumed;
import org.cameraregistry.events.camera.CameraDetails;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraRegistered;
import org.cameraregistry.events.camera.CameraUpdated;
import org.cameraregistry.events.camera.CameraView;
import org.cameraregistry.events.incident.IncidentClosed;
import org.cameraregistry.events.incident.IncidentCamerasLocated;
import org.cameraregistry.events.incident.IncidentDeclared;
import org.cameraregistry.events.incident.IncidentUpdated;
import org.cameraregistry.events.notification.NotificationDelivered;
import org.cameraregistry.events.notification.NotificationFailed;

/** One realistic event of each type, as the producers build them. */
final class SampleEvents {

    static final UUID CAMERA_ID = UUID.fromString("0b6f2a4e-8c1d-4f7a-9e3b-5d2c1a0f9e87");
    static final UUID OWNER_ID = UUID.fromString("5a1c9e2b-7d3f-4b8a-a6e1-0c4d2f8b9e13");
    static final UUID ACCOUNT_ID = OWNER_ID;
    static final Instant NOW = Instant.parse("2026-11-23T18:30:15.123Z");

    private SampleEvents() {
    }

    static CameraDetails cityHallEntrance() {
        return new CameraDetails("City Hall plaza entrance", 32.7767, -96.7970, CameraLevel.LEVEL_2, 270, 90,
                Set.of(CameraView.ENTRANCE, CameraView.SIDEWALK), false, 30, true);
    }

    static EventEnvelope<CameraRegistered> cameraRegistered() {
        return EventEnvelope.create(CameraRegistered.TYPE, "/registry-service", CAMERA_ID.toString(), NOW,
                new CameraRegistered(CAMERA_ID, 1, cityHallEntrance(), NOW, OWNER_ID));
    }

    static EventEnvelope<CameraRegistered> cameraRegisteredByAnImport() {
        return EventEnvelope.create(CameraRegistered.TYPE, "/registry-service", CAMERA_ID.toString(), NOW,
                new CameraRegistered(CAMERA_ID, 1, cityHallEntrance(), NOW, OWNER_ID,
                        UUID.fromString("7d1c9d1e-5b37-4c26-9d0a-3a0f8d1e2b44")));
    }

    static EventEnvelope<CameraUpdated> cameraUpdated() {
        CameraDetails moved = new CameraDetails("Back alley", 32.7770, -96.7975, CameraLevel.LEVEL_1, null, null,
                Set.of(), true, null, false);
        return EventEnvelope.create(CameraUpdated.TYPE, "/registry-service", CAMERA_ID.toString(), NOW,
                new CameraUpdated(CAMERA_ID, 2, moved, NOW, null, false));
    }

    static EventEnvelope<CameraPaused> cameraPaused() {
        return EventEnvelope.create(CameraPaused.TYPE, "/registry-service", CAMERA_ID.toString(), NOW,
                new CameraPaused(CAMERA_ID, 3, NOW, OWNER_ID));
    }

    static EventEnvelope<CameraResumed> cameraResumed() {
        return EventEnvelope.create(CameraResumed.TYPE, "/registry-service", CAMERA_ID.toString(), NOW,
                new CameraResumed(CAMERA_ID, 4, cameraRegistered().data().camera(), NOW, OWNER_ID));
    }

    static EventEnvelope<CameraDeregistered> cameraDeregistered() {
        return EventEnvelope.create(CameraDeregistered.TYPE, "/registry-service", CAMERA_ID.toString(), NOW,
                new CameraDeregistered(CAMERA_ID, 3, NOW, OWNER_ID));
    }

    static EventEnvelope<IncidentDeclared> incidentDeclared() {
        return EventEnvelope.create(IncidentDeclared.TYPE, "/dispatch/dallas-cad", "DPD-2026-118734", NOW,
                new IncidentDeclared("DPD-2026-118734", "dallas-pd", "ROBBERY", 1, 32.7831, -96.8067, 400, NOW,
                        NOW.plusSeconds(4 * 3600)));
    }

    static EventEnvelope<IncidentDeclared> incidentDeclaredWithTheDefaultRadius() {
        return EventEnvelope.create(IncidentDeclared.TYPE, "/dispatch/dallas-cad", "DPD-2026-118735", NOW,
                new IncidentDeclared("DPD-2026-118735", "dallas-pd", "BURGLARY", 3, 32.7831, -96.8067, null, NOW,
                        NOW.plusSeconds(4 * 3600)));
    }

    static EventEnvelope<IncidentUpdated> incidentUpdated() {
        return EventEnvelope.create(IncidentUpdated.TYPE, "/dispatch/dallas-cad", "DPD-2026-118734", NOW,
                new IncidentUpdated("DPD-2026-118734", "dallas-pd", "ROBBERY", 1, 32.7840, -96.8050, 800,
                        NOW.plusSeconds(120), NOW.plusSeconds(4 * 3600)));
    }

    static EventEnvelope<IncidentCamerasLocated> incidentCamerasLocated() {
        return EventEnvelope.create(IncidentCamerasLocated.TYPE, "/geo-search-service", "DPD-2026-118734", NOW,
                new IncidentCamerasLocated("DPD-2026-118734", "dallas-pd", 32.7831, -96.8067, 400, NOW,
                        IncidentCamerasLocated.Outcome.LOCATED, List.of(
                                new IncidentCamerasLocated.LocatedCamera(CAMERA_ID, 112.4, CameraLevel.LEVEL_2, OWNER_ID),
                                new IncidentCamerasLocated.LocatedCamera(UUID.fromString(
                                        "0d6c3f0e-7c2b-4d55-9a57-3f1f3c9b8e21"), 380.0, CameraLevel.LEVEL_1, null)),
                        2, NOW.plusSeconds(1)));
    }

    static EventEnvelope<IncidentClosed> incidentClosed() {
        return EventEnvelope.create(IncidentClosed.TYPE, "/dispatch/dallas-cad", "DPD-2026-118734", NOW,
                new IncidentClosed("DPD-2026-118734", "dallas-pd", NOW.plusSeconds(3600)));
    }

    static EventEnvelope<AccountRegistered> accountRegistered() {
        return EventEnvelope.create(AccountRegistered.TYPE, "/identity-service", ACCOUNT_ID.toString(), NOW,
                new AccountRegistered(ACCOUNT_ID, 1, "maria.lopez@example.org", "María López", "es-US", NOW));
    }

    static EventEnvelope<AccountEmailChanged> accountEmailChanged() {
        return EventEnvelope.create(AccountEmailChanged.TYPE, "/identity-service", ACCOUNT_ID.toString(), NOW,
                new AccountEmailChanged(ACCOUNT_ID, 2, "m.lopez@example.com", "María López", "es-US", NOW));
    }

    static EventEnvelope<AccountVerificationRequested> accountVerificationRequested() {
        return EventEnvelope.create(AccountVerificationRequested.TYPE, "/identity-service", ACCOUNT_ID.toString(),
                NOW, new AccountVerificationRequested(ACCOUNT_ID,
                        URI.create("https://cameras.dallaspolice.example/verify?token=q9XvR2"), NOW.plusSeconds(86_400),
                        NOW));
    }

    static EventEnvelope<PasswordResetRequested> passwordResetRequested() {
        return EventEnvelope.create(PasswordResetRequested.TYPE, "/identity-service", ACCOUNT_ID.toString(), NOW,
                new PasswordResetRequested(ACCOUNT_ID,
                        URI.create("https://cameras.dallaspolice.example/reset?token=Zt41kP"), NOW.plusSeconds(3600),
                        NOW));
    }

    static EventEnvelope<AccountEmailChangeRequested> accountEmailChangeRequested() {
        return EventEnvelope.create(AccountEmailChangeRequested.TYPE, "/identity-service", ACCOUNT_ID.toString(), NOW,
                new AccountEmailChangeRequested(ACCOUNT_ID, "maria.lopez@example.net",
                        URI.create("https://cameras.dallaspolice.example/accounts/email/confirm?token=Kp3Wq9"),
                        NOW.plusSeconds(86_400), NOW));
    }

    static EventEnvelope<StaffInvited> staffInvited() {
        return EventEnvelope.create(StaffInvited.TYPE, "/identity-service", ACCOUNT_ID.toString(), NOW,
                new StaffInvited(ACCOUNT_ID, "dallas", "Dallas Police Department",
                        URI.create("https://cameras.dallaspolice.example/accounts/reset-password?token=Hq7Lm2"),
                        NOW.plusSeconds(7 * 86_400), NOW));
    }

    static EventEnvelope<AccountErased> accountErased() {
        return EventEnvelope.create(AccountErased.TYPE, "/identity-service", ACCOUNT_ID.toString(), NOW,
                new AccountErased(ACCOUNT_ID, NOW));
    }

    static EventEnvelope<LiveAccessOpened> liveAccessOpened() {
        UUID grantId = UUID.fromString("c3d1e2f4-1a2b-4c3d-8e4f-5a6b7c8d9e0f");
        return EventEnvelope.create(LiveAccessOpened.TYPE, "/access-control-service", grantId.toString(), NOW,
                new LiveAccessOpened(grantId, CAMERA_ID, OWNER_ID, "dallas-pd", "DPD-2026-118734", NOW,
                        NOW.plusSeconds(1800)));
    }

    static EventEnvelope<NotificationDelivered> notificationDelivered() {
        return EventEnvelope.create(NotificationDelivered.TYPE, "/notification-service", ACCOUNT_ID.toString(), NOW,
                new NotificationDelivered("e1/" + ACCOUNT_ID + "/account-verification", ACCOUNT_ID,
                        "account-verification", List.of("e1"), NOW));
    }

    static EventEnvelope<NotificationFailed> notificationFailed() {
        return EventEnvelope.create(NotificationFailed.TYPE, "/notification-service", ACCOUNT_ID.toString(), NOW,
                new NotificationFailed("e2/" + ACCOUNT_ID + "/camera-registered", ACCOUNT_ID, "camera-registered",
                        List.of("e2"), "address-rejected", true, NOW));
    }
}
