package org.cameraregistry.geo;

import java.time.Duration;
import java.util.Map;
import org.cameraregistry.outbox.OutboxSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything geo-search lets an operator tune, under {@code geo-search.*}, with its default.
 *
 * @param events  how camera events are consumed
 * @param nearest how far a nearest-cameras search looks
 * @param jurisdictions how departments' jurisdictions are checked and shared between instances
 * @param search  what a search may ask
 * @param clusters how cameras are clustered for a map
 * @param incidents how the cameras around an incident are located
 * @param outbox  how {@code incident-cameras-located} events are relayed to Kafka
 */
@ConfigurationProperties("geo-search")
public record GeoSearchProperties(@DefaultValue Events events, @DefaultValue Nearest nearest,
        @DefaultValue JurisdictionSettings jurisdictions, @DefaultValue Search search,
        @DefaultValue Clusters clusters,
        @DefaultValue Incidents incidents, @DefaultValue OutboxSettings outbox) {

    /**
     * @param group      the consumer: its dead-letter topics are {@code <topic>.<group>.dlq}, shared by
     *                   every instance; each instance's consumer group is named after it and its instance
     * @param retries    how often an event that fails for a reason other than being unreadable, or
     *                   than the database being away, is retried before it is dead-lettered
     * @param maxBackoff the longest wait between two attempts at one event
     * @param consumersPerTopic how many consumers read each camera topic in each instance, each its
     *                   own partitions in order: as many as the topics have partitions (three where the
     *                   local stack makes them), since one consumer applies one change at a time and
     *                   waits on the database for each
     */
    public record Events(
            @DefaultValue("geo-search") String group,
            @DefaultValue("4") int retries,
            @DefaultValue("PT10S") Duration maxBackoff,
            @DefaultValue("3") int consumersPerTopic) {

        public Events {
            // Said at start, in the property's name, rather than by Spring Kafka when it makes the containers.
            if (consumersPerTopic < 1) {
                throw new IllegalArgumentException(
                        "geo-search.events.consumers-per-topic must be at least 1, not " + consumersPerTopic);
            }
        }
    }

    /** @param farthestMeters how far a nearest-cameras search looks at most */
    public record Nearest(@DefaultValue("100000") double farthestMeters) {
    }

    /**
     * @param maxVertices the most vertices a jurisdiction may have (a city's outline needs hundreds)
     * @param refresh     how soon a jurisdiction set through another instance is used by this one
     */
    public record JurisdictionSettings(
            @DefaultValue("10000") int maxVertices,
            @DefaultValue("PT10S") Duration refresh) {
    }

    /** @param maxPolygonVertices the most vertices a polygon searched within may have */
    public record Search(@DefaultValue("1000") int maxPolygonVertices) {
    }

    /**
     * @param listedUpTo the most cameras a cluster may hold and still list them, rather than only count them
     * @param maxCells   the most cells a clusters answer may have: a map asking for finer ones than
     *                   that over its box gets coarser ones
     */
    public record Clusters(
            @DefaultValue("5") int listedUpTo,
            @DefaultValue("2000") int maxCells) {
    }

    /**
     * @param defaultRadiusMeters how far from an incident cameras matter when neither the incident
     *                            nor {@code radiusByType} says
     * @param radiusByType        that distance per incident type (the dispatch system's type code, in
     *                            any case), such as {@code ROBBERY: 800}
     * @param maxCameras          the most cameras one {@code incident-cameras-located} event lists,
     *                            nearest first (it also says how many there are in all)
     */
    public record Incidents(
            @DefaultValue("500") int defaultRadiusMeters,
            Map<String, Integer> radiusByType,
            @DefaultValue("500") int maxCameras) {

        public Incidents {
            radiusByType = radiusByType == null ? Map.of() : Map.copyOf(radiusByType);
        }
    }
}
