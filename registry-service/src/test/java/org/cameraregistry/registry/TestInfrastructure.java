package org.cameraregistry.registry;

import org.cameraregistry.events.Topics;
import org.cameraregistry.testkit.EmbeddedInfrastructure;

/** The broker and MongoDB wire server every registry integration test of the JVM shares. */
public final class TestInfrastructure {

    public static final EmbeddedInfrastructure INFRASTRUCTURE = EmbeddedInfrastructure.withTopics(Topics.all());

    private TestInfrastructure() {
    }
}
