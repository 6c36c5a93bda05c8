package org.cameraregistry.chassis.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.ServerAddress;
import com.mongodb.bulk.WriteConcernError;
import java.util.stream.Stream;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** How the database's failures reach a client: a failover is a 503 to retry, never a 500. */
class StorageProblemsTest {

    private static final ServerAddress PRIMARY = new ServerAddress("mongodb-0", 27017);

    private final ProblemDetailsHandler handler = new DefaultProblemDetailsAdvice();

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("no server selected", new MongoTimeoutException("no server"), "storage-unavailable"),
                Arguments.of("connection refused", new MongoSocketOpenException("refused", PRIMARY), "storage-unavailable"),
                Arguments.of("not primary", new MongoNotPrimaryException(commandError(10107, "NotWritablePrimary"), PRIMARY),
                        "storage-unavailable"),
                Arguments.of("node recovering", new MongoNodeIsRecoveringException(
                        commandError(11600, "InterruptedAtShutdown"), PRIMARY), "storage-unavailable"),
                Arguments.of("connection lost mid-answer", new MongoSocketReadException("reset", PRIMARY),
                        "storage-interrupted"),
                Arguments.of("write concern not met", new MongoWriteConcernException(
                        new WriteConcernError(64, "WriteConcernFailed", "waiting for replication timed out",
                                new BsonDocument()), PRIMARY), "storage-interrupted"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void aDatabaseFailingOverIs503ToRetry(String name, MongoException failure, String type) {
        ResponseEntity<Object> answer = handler.storageFailure(failure);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(((ProblemDetail) answer.getBody()).getType()).hasToString(ProblemDetailsHandler.TYPE_BASE + type);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void itsAnswerIsProblemDetails(String name, MongoException failure, String type) {
        assertThat(handler.storageFailure(failure).getHeaders().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void aCommandTheDatabaseRefusesIsOurBugAnd500() {
        MongoCommandException refused = new MongoCommandException(commandError(2, "BadValue"), PRIMARY);

        assertThat(handler.storageFailure(refused).getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    private static BsonDocument commandError(int code, String name) {
        return new BsonDocument("ok", new BsonInt32(0)).append("code", new BsonInt32(code))
                .append("codeName", new BsonString(name)).append("errmsg", new BsonString(name));
    }
}
