package org.cameraregistry.testkit;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

/**
 * Tells when a consumer group has processed everything published so far: its committed offsets
 * have reached the end of every partition of the topics. A test that published events and waits
 * for this knows the service has handled each of them, whatever it did with them.
 */
public final class ConsumerGroupProbe {

    private ConsumerGroupProbe() {
    }

    public static void awaitCaughtUp(String brokers, String group, List<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> caughtUp(admin, group, topics));
        }
    }

    /**
     * Commits offsets for a group no consumer has joined yet at the end of every partition of the
     * topics: its first consumer starts with what is published from now on, as if it had processed
     * everything before.
     */
    public static void startAtEnd(String brokers, String group, List<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            ends(admin, topics).forEach((partition, end) -> ends.put(partition, new OffsetAndMetadata(end.offset())));
            admin.alterConsumerGroupOffsets(group, ends).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not move group " + group + " to the end of " + topics, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static boolean caughtUp(Admin admin, String group, List<String> topics)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        var ends = ends(admin, topics);
        return ends.entrySet().stream().allMatch(end -> {
            OffsetAndMetadata offset = committed.get(end.getKey());
            long position = offset == null ? 0 : offset.offset();
            return position >= end.getValue().offset();
        });
    }

    private static Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends(Admin admin, List<String> topics)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) ->
                description.partitions().forEach(partition ->
                        latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
        return admin.listOffsets(latest).all().get();
    }
}
