package org.cameraregistry.chassis.mongo;

import com.mongodb.MongoException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;

/**
 * Tells a database that is away or failing over, which passes by itself, from an operation the
 * database refused, which fails again however often it is retried.
 */
public final class StorageFailures {

    /** The label MongoDB puts on an error after which a write may safely be sent again. */
    private static final String RETRYABLE_WRITE = "RetryableWriteError";

    private StorageFailures() {
    }

    /**
     * True for a failure that passes by itself: no server reachable, a broken connection, an
     * election (not primary, node recovering), an unconfirmed write concern, a retryable write.
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
                    || cause instanceof MongoNotPrimaryException || cause instanceof MongoNodeIsRecoveringException
                    || cause instanceof MongoWriteConcernException || cause instanceof MongoInterruptedException
                    || (cause instanceof MongoException mongo && mongo.hasErrorLabel(RETRYABLE_WRITE))) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the operation certainly did not take effect: no server could be reached, or the
     * one reached refused it because it is not (or no longer) the primary.
     */
    public static boolean certainlyNotApplied(Throwable failure) {
        return failure instanceof MongoTimeoutException || failure instanceof MongoSocketOpenException
                || failure instanceof MongoNotPrimaryException || failure instanceof MongoNodeIsRecoveringException;
    }
}
