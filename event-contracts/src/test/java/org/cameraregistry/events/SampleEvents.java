package org.cameraregistry.events;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.cameraregistry.events.camera.CameraDeregistered;
import org.cameraregistry.events.camera.CameraDetails;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraRegistered;
import org.cameraregistry.events.camera.CameraUpdated;
import org.cameraregistry.events.camera.CameraView;
import org.cameraregistry.events.incident.IncidentClosed;
import org.cameraregistry.events.incident.IncidentDeclared;

/** One realistic event of each type, as the producers build them. */
final class SampleEvents {

    static final UUID CAMERA_ID = UUID.fromString("0b6f2a4e-8c1d-4f7a-9e3b-5d2c1a0f9e87");
    static final Instant NOW = Instant.parse("2026-11-23T18:30:15.123Z");

    private SampleEvents() {
    }

    static CameraDetails cityHallEntrance() {
        return new CameraDetails("City Hall plaza entrance", 32.7767, -96.7970, CameraLevel.LEVEL_2, 270, 90,
                Set.of(CameraView.ENTRANCE, CameraView.SIDEWALK), false, 30);
    }

    static EventEnvelope<CameraRegistered> cameraRegistered() {
        return EventEnvelope.create(CameraRegistered.TYPE, "/registry-service", CAMERA_ID.toString(), NOW,
                new CameraRegistered(CAMERA_ID, 1, cityHallEntrance(), NOW));
    }

    static EventEnvelope<CameraUpdated> cameraUpdated() {
        CameraDetails moved = new CameraDetails("Back alley", 32.7770, -96.7975, CameraLevel.LEVEL_1, null, null,
                Set.of(), true, null);
        return EventEnvelope.create(CameraUpdated.TYPE, "/registry-service", CAMERA_ID.toString(), NOW,
                new CameraUpdated(CAMERA_ID, 2, moved, NOW));
    }

    static EventEnvelope<CameraDeregistered> cameraDeregistered() {
        return EventEnvelope.create(CameraDeregistered.TYPE, "/registry-service", CAMERA_ID.toString(), NOW,
                new CameraDeregistered(CAMERA_ID, 3, NOW));
    }

    static EventEnvelope<IncidentDeclared> incidentDeclared() {
        return EventEnvelope.create(IncidentDeclared.TYPE, "/dispatch/dallas-cad", "DPD-2026-118734", NOW,
                new IncidentDeclared("DPD-2026-118734", "dallas-pd", "ROBBERY", 1, 32.7831, -96.8067, 400, NOW,
                        NOW.plusSeconds(4 * 3600)));
    }

    static EventEnvelope<IncidentClosed> incidentClosed() {
        return EventEnvelope.create(IncidentClosed.TYPE, "/dispatch/dallas-cad", "DPD-2026-118734", NOW,
                new IncidentClosed("DPD-2026-118734", "dallas-pd", NOW.plusSeconds(3600)));
    }
}
