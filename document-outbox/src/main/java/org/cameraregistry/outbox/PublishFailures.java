package org.cameraregistry.outbox;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;

/** What a failed send says about its cause: Kafka away, or Kafka refusing this one event. */
final class PublishFailures {

    private PublishFailures() {
    }

    /**
     * True when Kafka refused the event itself, so that sending it again cannot succeed as it is:
     * an invalid or denied topic, a record too large, a value it cannot serialize. Kafka's own
     * non-retriable errors say so.
     */
    static boolean refusedForGood(Throwable failure) {
        Throwable cause = kafkaCause(failure);
        return cause instanceof KafkaException && !(cause instanceof RetriableException);
    }

    /**
     * True when the producer gave up waiting for the topic's metadata: the broker did not answer,
     * or the topic does not exist. Either way, more sends in the same pass would wait as long.
     */
    static boolean kafkaDidNotAnswer(Throwable failure) {
        return kafkaCause(failure) instanceof TimeoutException;
    }

    /** One line for the log and the parked event: the Kafka error and its message. */
    static String describe(Throwable failure) {
        Throwable cause = kafkaCause(failure);
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** The first Kafka error under Spring's and the futures' wrappers, or the deepest cause if there is none. */
    private static Throwable kafkaCause(Throwable failure) {
        Throwable deepest = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof KafkaException) {
                return cause;
            }
            deepest = cause;
        }
        return deepest;
    }
}
