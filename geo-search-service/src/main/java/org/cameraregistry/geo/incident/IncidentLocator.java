package org.cameraregistry.geo.incident;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cameraregistry.events.EventCodec;
import org.cameraregistry.events.EventEnvelope;
import org.cameraregistry.events.incident.IncidentCamerasLocated;
import org.cameraregistry.events.incident.IncidentCamerasLocated.LocatedCamera;
import org.cameraregistry.events.incident.IncidentCamerasLocated.Outcome;
import org.cameraregistry.geo.camera.CameraStore;
import org.cameraregistry.geo.index.CameraFilter;
import org.cameraregistry.geo.index.CameraIndex;
import org.cameraregistry.geo.index.NearbyCamera;
import org.cameraregistry.geo.jurisdiction.Jurisdiction;
import org.cameraregistry.geo.jurisdiction.Jurisdictions;
import org.cameraregistry.outbox.OutboxRelay;
import org.cameraregistry.outbox.PendingEvent;

/**
 * Finds the cameras around an incident, within its radius and its department's jurisdiction, and
 * records them as an {@code incident-cameras-located} event in the incident's outbox. A state
 * already located, or older than one located, changes nothing.
 */
class IncidentLocator {

    static final String SOURCE = "/geo-search-service";

    private final CameraIndex index;
    private final CameraStore cameras;
    private final Jurisdictions jurisdictions;
    private final IncidentStore incidents;
    private final IncidentRadii radii;
    private final int maxCameras;
    private final EventCodec codec;
    private final OutboxRelay relay;
    private final Clock clock;

    IncidentLocator(CameraIndex index, CameraStore cameras, Jurisdictions jurisdictions, IncidentStore incidents,
            IncidentRadii radii, int maxCameras, EventCodec codec, OutboxRelay relay, Clock clock) {
        this.index = index;
        this.cameras = cameras;
        this.jurisdictions = jurisdictions;
        this.incidents = incidents;
        this.radii = radii;
        this.maxCameras = maxCameras;
        this.codec = codec;
        this.relay = relay;
        this.clock = clock;
    }

    /** True if this state was located and its event is on its way; false if it was located before, or overtaken. */
    boolean locate(IncidentState incident) {
        if (incidents.holdsAtLeast(incident)) {
            return false;
        }
        int radius = radii.of(incident);
        Optional<Jurisdiction> jurisdiction = jurisdictions.of(incident.departmentId());
        List<NearbyCamera> found = jurisdiction
                .map(area -> index.within(incident.latitude(), incident.longitude(), radius, Integer.MAX_VALUE,
                        CameraFilter.within(area::covers)))
                .orElse(List.of());
        List<NearbyCamera> listed = found.subList(0, Math.min(maxCameras, found.size()));
        Map<UUID, UUID> owners = cameras.ownersOf(listed.stream().map(nearby -> nearby.camera().id()).toList());
        Instant now = clock.instant();
        IncidentCamerasLocated located = new IncidentCamerasLocated(incident.incidentId(), incident.departmentId(),
                incident.latitude(), incident.longitude(), radius, incident.asOf(),
                jurisdiction.isPresent() ? Outcome.LOCATED : Outcome.NO_JURISDICTION,
                listed.stream().map(nearby -> new LocatedCamera(nearby.camera().id(),
                        Math.round(nearby.distanceMeters() * 10) / 10.0, nearby.camera().level(),
                        owners.get(nearby.camera().id()))).toList(),
                found.size(), now);
        if (!incidents.record(incident, radius, found.size(), pending(located, now))) {
            return false;
        }
        relay.wakeUp();
        return true;
    }

    private PendingEvent pending(IncidentCamerasLocated located, Instant now) {
        EventEnvelope<IncidentCamerasLocated> event = EventEnvelope.create(IncidentCamerasLocated.TYPE, SOURCE,
                located.incidentId(), now, located);
        String payload = new String(codec.write(IncidentCamerasLocated.TYPE, event), StandardCharsets.UTF_8);
        return new PendingEvent(event.id(), IncidentCamerasLocated.TYPE.topic(), located.incidentId(), payload, now);
    }
}
