package org.cameraregistry.geo;

import java.util.ArrayList;
import java.util.List;
import org.cameraregistry.events.Topics;
import org.cameraregistry.testkit.EmbeddedInfrastructure;

/** The broker and MongoDB wire server every geo-search integration test of the JVM shares. */
public final class TestInfrastructure {

    public static final EmbeddedInfrastructure INFRASTRUCTURE = EmbeddedInfrastructure.withTopics(topics());

    private TestInfrastructure() {
    }

    private static List<String> topics() {
        List<String> topics = new ArrayList<>(Topics.all());
        for (String topic : List.of(Topics.CAMERA_REGISTERED, Topics.CAMERA_UPDATED, Topics.CAMERA_PAUSED,
                Topics.CAMERA_RESUMED, Topics.CAMERA_DEREGISTERED, Topics.INCIDENT_DECLARED, Topics.INCIDENT_UPDATED)) {
            topics.add(Topics.deadLetter(topic, "geo-search"));
        }
        return topics;
    }
}
