package org.cameraregistry.geo.incident;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.cameraregistry.geo.GeoSearchProperties;

/** How far from an incident cameras matter: its own radius if the dispatch system gave one, else its type's default. */
class IncidentRadii {

    private final int defaultMeters;
    private final Map<String, Integer> byType;

    IncidentRadii(GeoSearchProperties.Incidents settings) {
        this.defaultMeters = settings.defaultRadiusMeters();
        this.byType = settings.radiusByType().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(entry -> entry.getKey().toUpperCase(Locale.ROOT), Map.Entry::getValue));
    }

    int of(IncidentState incident) {
        if (incident.radiusMeters() != null) {
            return incident.radiusMeters();
        }
        return byType.getOrDefault(incident.incidentType().toUpperCase(Locale.ROOT), defaultMeters);
    }
}
