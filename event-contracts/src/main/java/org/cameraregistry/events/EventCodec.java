package org.cameraregistry.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads events as CloudEvents JSON, checking each against its JSON Schema on the way out
 * and on the way in, so that neither a producer's bug nor a stranger's message gets past the edge.
 *
 * <p>Readers are tolerant: fields they do not know are ignored, so a producer may add optional
 * fields within a version without breaking anyone. Thread-safe; create one and share it.
 */
public final class EventCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    // Schemas load from the classpath only: an event must never make this process fetch a URL.
    private final SchemaRegistry schemaRegistry = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaLoader(loader -> loader
                    .fetchRemoteResources(false)
                    .schemaIdResolvers(ids -> ids.mapPrefix(EventType.SCHEMA_BASE, "classpath:schemas/"))));

    private final Map<EventType<?>, Schema> schemas = new ConcurrentHashMap<>();

    /** The event as JSON bytes, after checking it against its schema. */
    public byte[] write(EventType<?> eventType, EventEnvelope<?> event) {
        JsonNode json = mapper.valueToTree(event);
        List<Error> errors = schemaOf(eventType).validate(json);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("refusing to publish an event that breaks " + eventType.schemaFile()
                    + ": " + describe(errors));
        }
        return mapper.writeValueAsBytes(json);
    }

    /**
     * The event in {@code json}, which must be a valid {@code eventType}.
     *
     * @throws InvalidEventException if it is not JSON, is another type, or breaks the schema
     */
    public <T> EventEnvelope<T> read(byte[] json, EventType<T> eventType) {
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidEventException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidEventException("not a JSON object");
        }
        String type = tree.path("type").asString("");
        if (!eventType.type().equals(type)) {
            throw new InvalidEventException("expected an event of type " + eventType.type() + " but got '" + type + "'");
        }
        List<Error> errors = schemaOf(eventType).validate(tree);
        if (!errors.isEmpty()) {
            throw new InvalidEventException("breaks " + eventType.schemaFile() + ": " + describe(errors));
        }
        JavaType javaType = mapper.getTypeFactory().constructParametricType(EventEnvelope.class, eventType.dataClass());
        try {
            return mapper.treeToValue(tree, javaType);
        } catch (JacksonException e) {
            throw new InvalidEventException("cannot map to " + eventType.dataClass().getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** The JSON Schema of {@code eventType}, as loaded from this module. */
    public Schema schemaOf(EventType<?> eventType) {
        return schemas.computeIfAbsent(eventType,
                type -> schemaRegistry.getSchema(SchemaLocation.of(type.schemaId())));
    }

    private static String describe(List<Error> errors) {
        return errors.stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .distinct()
                .collect(Collectors.joining("; "));
    }
}
