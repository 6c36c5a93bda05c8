package org.cameraregistry.registry;

import java.util.ArrayList;
import java.util.List;
import org.cameraregistry.events.Topics;
import org.cameraregistry.testkit.EmbeddedInfrastructure;

/** The broker and MongoDB wire server every registry integration test of the JVM shares. */
public final class TestInfrastructure {

    public static final EmbeddedInfrastructure INFRASTRUCTURE = EmbeddedInfrastructure.withTopics(topics());

    private TestInfrastructure() {
    }

    /** Every topic, and the dead-letter topic of the one the registry consumes. */
    private static List<String> topics() {
        List<String> topics = new ArrayList<>(Topics.all());
        topics.add(Topics.deadLetter(Topics.ACCOUNT_ERASED, "registry"));
        return topics;
    }
}
