package org.cameraregistry.events;

/**
 * One version of one kind of event: the topic it travels on, its CloudEvents {@code type}, and the
 * record its {@code data} maps to.
 *
 * @param topic     the Kafka topic, one of {@link Topics}
 * @param version   the schema version; a change that breaks readers is a new version
 * @param dataClass the record that {@code data} maps to
 */
public record EventType<T>(String topic, int version, Class<T> dataClass) {

    /** Where the JSON Schemas of the events are published; they are also on the classpath under {@code schemas/}. */
    public static final String SCHEMA_BASE = "https://schemas.cameraregistry.org/events/";

    /** The CloudEvents {@code type} attribute, such as {@code org.cameraregistry.camera-registered.v1}. */
    public String type() {
        return "org.cameraregistry." + topic + ".v" + version;
    }

    /** The file name of the JSON Schema, such as {@code camera-registered.v1.json}. */
    public String schemaFile() {
        return topic + ".v" + version + ".json";
    }

    /** The CloudEvents {@code dataschema} attribute: the id of the JSON Schema. */
    public String schemaId() {
        return SCHEMA_BASE + schemaFile();
    }
}
