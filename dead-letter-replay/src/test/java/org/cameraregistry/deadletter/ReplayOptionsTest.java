package org.cameraregistry.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ReplayOptionsTest {

    @Test
    void aDeadLetterTopicGoesBackToTheTopicItIsNamedAfter() {
        assertThat(ReplayOptions.sourceOf("camera-registered.geo-search.dlq")).contains("camera-registered");
        assertThat(ReplayOptions.sourceOf("account-email-changed.notification.dlq")).contains("account-email-changed");
        assertThat(ReplayOptions.sourceOf("account-email-change-requested.notification.dlq")).contains("account-email-change-requested");
        assertThat(ReplayOptions.sourceOf("camera-registered")).as("not a dead-letter topic").isEmpty();
        assertThat(ReplayOptions.sourceOf("camera-registered.dlq")).as("no group").isEmpty();
        assertThat(ReplayOptions.sourceOf("parcel-shipped.geo-search.dlq")).as("not a topic of the platform").isEmpty();
    }

    @Test
    void takesEitherEveryDeadLetterOrChosenOffsets() {
        ReplayOptions all = ReplayOptions.parse("--bootstrap-servers=kafka:9092", "--topic=camera-updated.geo-search.dlq", "--all");
        ReplayOptions chosen = ReplayOptions.parse("--bootstrap-servers=kafka:9092", "--topic=camera-updated.geo-search.dlq",
                "--offsets=0:12, 2:40", "--dry-run");

        assertThat(all.offsets()).isEmpty();
        assertThat(all.sourceTopic()).isEqualTo("camera-updated");
        assertThat(all.kafka()).containsEntry("bootstrap.servers", "kafka:9092");
        assertThat(chosen.offsets()).containsExactlyInAnyOrder(new ReplayOptions.Offset(0, 12), new ReplayOptions.Offset(2, 40));
        assertThat(chosen.dryRun()).isTrue();
    }

    @Test
    void refusesWhatItCannotDoSafely() {
        assertThatIllegalArgumentException().isThrownBy(() -> ReplayOptions.parse("--bootstrap-servers=k:9092", "--topic=camera-updated.geo-search.dlq"))
                .withMessageContaining("--all, or --offsets");
        assertThatIllegalArgumentException().isThrownBy(() -> ReplayOptions.parse("--bootstrap-servers=k:9092",
                "--topic=camera-updated.geo-search.dlq", "--all", "--offsets=0:1")).withMessageContaining("not both");
        assertThatIllegalArgumentException().isThrownBy(() -> ReplayOptions.parse("--bootstrap-servers=k:9092",
                "--topic=camera-updated", "--all")).withMessageContaining("not a dead-letter topic");
        assertThatIllegalArgumentException().isThrownBy(() -> ReplayOptions.parse("--bootstrap-servers=k:9092",
                "--topic=camera-updated.geo-search.dlq", "--offsets=0-12")).withMessageContaining("PARTITION:OFFSET");
        assertThatIllegalArgumentException().isThrownBy(() -> ReplayOptions.parse("--topic=camera-updated.geo-search.dlq", "--all"))
                .withMessageContaining("--bootstrap-servers");
        assertThatIllegalArgumentException().isThrownBy(() -> ReplayOptions.parse("--bootstrap-servers=k:9092",
                "--topic=camera-updated.geo-search.dlq", "--all", "--force")).withMessageContaining("Unknown argument --force");
    }
}
