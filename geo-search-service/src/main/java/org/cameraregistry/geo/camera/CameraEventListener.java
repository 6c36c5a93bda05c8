package org.cameraregistry.geo.camera;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cameraregistry.chassis.instance.ServiceProperties;
import org.cameraregistry.events.EventCodec;
import org.cameraregistry.events.EventEnvelope;
import org.cameraregistry.events.Topics;
import org.cameraregistry.events.camera.CameraDeregistered;
import org.cameraregistry.events.camera.CameraDetails;
import org.cameraregistry.events.camera.CameraRegistered;
import org.cameraregistry.events.camera.CameraPaused;
import org.cameraregistry.events.camera.CameraResumed;
import org.cameraregistry.events.camera.CameraUpdated;
import org.cameraregistry.geo.GeoSearchProperties;
import org.cameraregistry.geo.index.IndexedCamera;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The camera topics, consumed into the index by this instance's own consumer group, so that each
 * instance holds every camera, by as many consumers per topic as it has partitions: a camera's
 * changes stay in order on its partition, and one consumer, waiting on the database for each
 * change, fell behind at 100 changes a second on the local stack (docs/benchmarks.md).
 *
 * <p>Each event is read against its schema first: one that cannot be read fails at once and goes
 * to the dead-letter topic with the reason (see {@link DeadLetters}); the listener goes on with
 * the next.
 *
 * <p>Each change applied is timed from when the registry made it (the event's {@code time}) to when
 * the index holds it, when every search sees it: {@code camera_index_freshness_seconds}, by kind of
 * change, with a histogram so that its percentiles can be read across instances.
 */
@Component
class CameraEventListener {

    /** Each instance's own group, as this listener names it ({@link #getConsumerGroup()}), so that each gets every event. */
    static final String GROUP = "#{__listener.consumerGroup}";
    /** Consumers per topic, one per partition ({@link GeoSearchProperties.Events#consumersPerTopic()}). */
    static final String CONSUMERS = "#{__listener.consumersPerTopic}";

    private static final Logger log = LoggerFactory.getLogger(CameraEventListener.class);

    private final EventCodec codec;
    private final CameraIndexer indexer;
    private final String consumerGroup;
    private final String consumersPerTopic;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    CameraEventListener(EventCodec codec, CameraIndexer indexer, GeoSearchProperties properties,
            ServiceProperties instance, MeterRegistry meters) {
        this.codec = codec;
        this.indexer = indexer;
        this.consumerGroup = properties.events().group() + "-" + instance.instanceId();
        this.consumersPerTopic = Integer.toString(properties.events().consumersPerTopic());
        this.meters = meters;
    }

    /** How many consumers read each camera topic in this instance. */
    public String getConsumersPerTopic() {
        return consumersPerTopic;
    }

    /** This instance's Kafka consumer group, {@code <geo-search.events.group>-<service.instance-id>}. */
    public String getConsumerGroup() {
        return consumerGroup;
    }

    @KafkaListener(id = "index-registered-cameras", groupId = GROUP, concurrency = CONSUMERS,
            topics = Topics.CAMERA_REGISTERED)
    void indexRegisteredCamera(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<CameraRegistered> event = codec.read(record.value(), CameraRegistered.TYPE);
        CameraRegistered registered = event.data();
        event.requireAbout(record.key(), registered.cameraId(), "cameraId");
        boolean applied = indexer.index(indexed(registered.cameraId(), registered.version(), registered.camera()),
                registered.ownerId());
        logConsumed(event, registered.cameraId(), registered.version(), applied);
    }

    @KafkaListener(id = "index-updated-cameras", groupId = GROUP, concurrency = CONSUMERS,
            topics = Topics.CAMERA_UPDATED)
    void indexUpdatedCamera(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<CameraUpdated> event = codec.read(record.value(), CameraUpdated.TYPE);
        CameraUpdated updated = event.data();
        event.requireAbout(record.key(), updated.cameraId(), "cameraId");
        // A paused camera changed by its owner stays out of the index, as a paused one does.
        boolean applied = updated.paused() ? indexer.forget(updated.cameraId(), updated.version())
                : indexer.index(indexed(updated.cameraId(), updated.version(), updated.camera()), updated.ownerId());
        logConsumed(event, updated.cameraId(), updated.version(), applied);
    }

    /** A paused camera leaves the index as a deleted one does; its resumption brings its whole state back. */
    @KafkaListener(id = "remove-paused-cameras", groupId = GROUP, concurrency = CONSUMERS,
            topics = Topics.CAMERA_PAUSED)
    void removePausedCamera(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<CameraPaused> event = codec.read(record.value(), CameraPaused.TYPE);
        CameraPaused paused = event.data();
        event.requireAbout(record.key(), paused.cameraId(), "cameraId");
        boolean applied = indexer.forget(paused.cameraId(), paused.version());
        logConsumed(event, paused.cameraId(), paused.version(), applied);
    }

    @KafkaListener(id = "index-resumed-cameras", groupId = GROUP, concurrency = CONSUMERS,
            topics = Topics.CAMERA_RESUMED)
    void indexResumedCamera(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<CameraResumed> event = codec.read(record.value(), CameraResumed.TYPE);
        CameraResumed resumed = event.data();
        event.requireAbout(record.key(), resumed.cameraId(), "cameraId");
        boolean applied = indexer.index(indexed(resumed.cameraId(), resumed.version(), resumed.camera()),
                resumed.ownerId());
        logConsumed(event, resumed.cameraId(), resumed.version(), applied);
    }

    @KafkaListener(id = "forget-deregistered-cameras", groupId = GROUP, concurrency = CONSUMERS,
            topics = Topics.CAMERA_DEREGISTERED)
    void forgetDeregisteredCamera(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<CameraDeregistered> event = codec.read(record.value(), CameraDeregistered.TYPE);
        CameraDeregistered deregistered = event.data();
        event.requireAbout(record.key(), deregistered.cameraId(), "cameraId");
        boolean applied = indexer.forget(deregistered.cameraId(), deregistered.version());
        logConsumed(event, deregistered.cameraId(), deregistered.version(), applied);
    }

    private static IndexedCamera indexed(UUID id, long version, CameraDetails camera) {
        return new IndexedCamera(id, version, camera.latitude(), camera.longitude(), camera.level(), camera.views());
    }

    private void logConsumed(EventEnvelope<?> event, UUID cameraId, long version, boolean applied) {
        if (applied && event.time() != null) {
            Timer.builder("camera.index.freshness")
                    .description("From a camera's change in the registry to the index holding it, seen by every search")
                    .tag("change", event.type())
                    .publishPercentileHistogram()
                    .register(meters)
                    .record(Duration.between(event.time(), clock.instant()));
        }
        log.info("consumed event {} ({}) camera={} version={}: {}", event.id(), event.type(), cameraId, version,
                applied ? "applied" : "ignored, already at this version or newer");
    }
}
