package org.cameraregistry.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaProducerException;

class PublishFailuresTest {

    @Test
    void kafkaRefusingTheEventItselfIsForGoodWhateverWrapsIt() {
        assertThat(PublishFailures.refusedForGood(wrapped(new InvalidTopicException("bad name")))).isTrue();
        assertThat(PublishFailures.refusedForGood(wrapped(new RecordTooLargeException("2 MB")))).isTrue();
        assertThat(PublishFailures.refusedForGood(wrapped(new TopicAuthorizationException("denied")))).isTrue();
    }

    @Test
    void kafkaBeingAwayIsNotForGood() {
        assertThat(PublishFailures.refusedForGood(wrapped(new TimeoutException("no metadata")))).isFalse();
        assertThat(PublishFailures.refusedForGood(wrapped(new NetworkException("reset")))).isFalse();
        assertThat(PublishFailures.kafkaDidNotAnswer(wrapped(new TimeoutException("no metadata")))).isTrue();
        assertThat(PublishFailures.kafkaDidNotAnswer(wrapped(new NetworkException("reset")))).isFalse();
    }

    @Test
    void theDescriptionNamesKafkasErrorNotTheWrappers() {
        assertThat(PublishFailures.describe(wrapped(new InvalidTopicException("bad name"))))
                .isEqualTo("InvalidTopicException: bad name");
    }

    private static Throwable wrapped(Throwable kafkaError) {
        return new CompletionException(new KafkaProducerException(null, "Failed to send", kafkaError));
    }
}
