package org.cameraregistry.gateway.portal.camera;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The camera form as the owner filled it in, every field as typed, so that a form sent back with
 * an error shows exactly what was entered. {@link #toRequest} turns it into the registry's request,
 * or names the fields that are not numbers; the registry judges the rest.
 *
 * @param requestId          the form's own id, sent as the registration's Idempotency-Key: a form
 *                           sent twice (a double click, a reload) registers one camera
 * @param version            the version the owner edited, for If-Match; empty when registering
 * @param address            an address to look the place up by; not sent to the registry
 * @param label              what the owner calls it
 * @param latitude           decimal degrees, as typed or set by the map's pin
 * @param longitude          decimal degrees, as typed or set by the map's pin
 * @param level              LEVEL_1 or LEVEL_2
 * @param facingDegrees      optional, 0 to 359
 * @param fieldOfViewDegrees optional, 1 to 360
 * @param views              what it looks at
 * @param recordsAudio       "on" when ticked
 * @param retentionDays      optional, 1 to 365
 * @param sharesPastFootage  "on" when ticked
 */
public record CameraForm(
        String requestId,
        String version,
        String address,
        String label,
        String latitude,
        String longitude,
        String level,
        String facingDegrees,
        String fieldOfViewDegrees,
        List<String> views,
        String recordsAudio,
        String retentionDays,
        String sharesPastFootage) {

    public CameraForm {
        requestId = requestId == null || requestId.isBlank() ? UUID.randomUUID().toString() : requestId;
        views = views == null ? List.of() : List.copyOf(views);
    }

    /** A new camera's form: Level 1, nothing else chosen. */
    static CameraForm blank() {
        return new CameraForm(null, "", "", "", "", "", "LEVEL_1", "", "", List.of(), null, "", null);
    }

    /** The form of a camera as the registry holds it. */
    static CameraForm of(JsonNode camera) {
        List<String> views = new ArrayList<>();
        camera.path("views").forEach(view -> views.add(view.asString()));
        return new CameraForm(null, camera.path("version").asString(""), "", camera.path("label").asString(""),
                camera.path("latitude").asString(""), camera.path("longitude").asString(""),
                camera.path("level").asString("LEVEL_1"), camera.path("facingDegrees").asString(""),
                camera.path("fieldOfViewDegrees").asString(""), views,
                camera.path("recordsAudio").asBoolean(false) ? "on" : null, camera.path("retentionDays").asString(""),
                camera.path("sharesPastFootage").asBoolean(false) ? "on" : null);
    }

    /** The same form, placed where the address was found. */
    CameraForm placedAt(double foundLatitude, double foundLongitude) {
        return new CameraForm(requestId, version, address, label, Double.toString(foundLatitude),
                Double.toString(foundLongitude), level, facingDegrees, fieldOfViewDegrees, views, recordsAudio,
                retentionDays, sharesPastFootage);
    }

    public boolean viewing(String view) {
        return views.contains(view);
    }

    /** The registry's request body, or the fields that are not numbers as they must be. */
    Request toRequest() {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        body.put("label", label == null ? "" : label);
        if (label == null || label.isBlank()) {
            // Said here with the coordinates' faults, so that the owner sees every fault at once.
            errors.put("label", "is needed: what you call the camera, such as \"Front porch\"");
        }
        body.put("latitude", decimal("latitude", latitude, true, errors));
        body.put("longitude", decimal("longitude", longitude, true, errors));
        body.put("level", level);
        body.put("facingDegrees", whole("facingDegrees", facingDegrees, errors));
        body.put("fieldOfViewDegrees", whole("fieldOfViewDegrees", fieldOfViewDegrees, errors));
        body.put("views", views);
        body.put("recordsAudio", recordsAudio != null);
        body.put("retentionDays", whole("retentionDays", retentionDays, errors));
        body.put("sharesPastFootage", sharesPastFootage != null);
        return new Request(body, errors);
    }

    private static Double decimal(String field, String typed, boolean required, Map<String, String> errors) {
        if (typed == null || typed.isBlank()) {
            if (required) {
                errors.put(field, "is needed: place the pin on the map, find the address, or type it in decimal degrees");
            }
            return null;
        }
        try {
            return Double.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "must be a number in decimal degrees, such as 32.7767");
            return null;
        }
    }

    private static Integer whole(String field, String typed, Map<String, String> errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "must be a whole number");
            return null;
        }
    }

    /**
     * @param body   the registry's request
     * @param errors per field, what is wrong with what was typed; empty if nothing
     */
    record Request(Map<String, Object> body, Map<String, String> errors) {
    }
}
