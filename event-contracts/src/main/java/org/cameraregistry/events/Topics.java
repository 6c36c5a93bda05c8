package org.cameraregistry.events;

import java.util.List;

/**
 * Every Kafka topic the platform's events cross. Events are keyed by the id of their aggregate
 * ({@code cameraId}, {@code incidentId}), so that order holds per camera or incident within a
 * topic; across the three camera topics, the version each camera event carries tells the order.
 */
public final class Topics {

    /** An owner registered a camera; carries its shareable state. */
    public static final String CAMERA_REGISTERED = "camera-registered";
    /** An owner changed a camera; carries its whole new state. */
    public static final String CAMERA_UPDATED = "camera-updated";
    /** An owner deleted a camera; every consumer forgets it. */
    public static final String CAMERA_DEREGISTERED = "camera-deregistered";
    /** A dispatch system declared an incident at a place. */
    public static final String INCIDENT_DECLARED = "incident-declared";
    /** A dispatch system closed an incident; what it opened closes too. */
    public static final String INCIDENT_CLOSED = "incident-closed";

    private static final List<String> ALL = List.of(
            CAMERA_REGISTERED, CAMERA_UPDATED, CAMERA_DEREGISTERED, INCIDENT_DECLARED, INCIDENT_CLOSED);

    private Topics() {
    }

    /** Every topic above, in data-flow order. */
    public static List<String> all() {
        return ALL;
    }

    /**
     * The dead-letter topic where one consumer group parks the events of a topic that it cannot
     * process, so that each group can inspect and replay its own.
     */
    public static String deadLetter(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + ".dlq";
    }
}
