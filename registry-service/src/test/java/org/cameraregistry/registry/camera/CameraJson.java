package org.cameraregistry.registry.camera;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Builds camera request bodies: {@code aCamera().atLevel2().at(32.78, -96.80).json()}. */
public final class CameraJson {

    static final double[] DALLAS_CITY_HALL = {32.7767, -96.7970};

    private static final JsonMapper JSON = new JsonMapper();

    private final ObjectNode body = JSON.createObjectNode();

    private CameraJson() {
        body.put("label", "Front entrance");
        body.put("latitude", DALLAS_CITY_HALL[0]);
        body.put("longitude", DALLAS_CITY_HALL[1]);
        body.put("level", "LEVEL_1");
    }

    public static CameraJson aCamera() {
        return new CameraJson();
    }

    CameraJson atLevel2() {
        body.put("level", "LEVEL_2");
        return this;
    }

    CameraJson at(double latitude, double longitude) {
        body.put("latitude", latitude);
        body.put("longitude", longitude);
        return this;
    }

    public CameraJson labelled(String label) {
        body.put("label", label);
        return this;
    }

    CameraJson facing(int degrees, int fieldOfView) {
        body.put("facingDegrees", degrees);
        body.put("fieldOfViewDegrees", fieldOfView);
        return this;
    }

    CameraJson viewing(String... views) {
        var array = body.putArray("views");
        for (String view : views) {
            array.add(view);
        }
        return this;
    }

    CameraJson with(String field, Object value) {
        body.putPOJO(field, value);
        return this;
    }

    CameraJson without(String field) {
        body.remove(field);
        return this;
    }

    public String json() {
        return JSON.writeValueAsString(body);
    }
}
